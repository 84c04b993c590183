using CopPortal.Domain.Communities;
using CopPortal.Web.Infrastructure.Forms.Validators;

namespace CopPortal.Web.Pages.Communities;

/// <summary>The optional message with an "I'm interested" in a core-team vacancy.</summary>
public sealed class InterestInputValidator : FormValidator<InterestModel.InputModel>
{
    public InterestInputValidator()
    {
        RuleFor(x => x.Message).MaxChars(VacancyService.MessageMaxLength, "Your message");
    }
}
