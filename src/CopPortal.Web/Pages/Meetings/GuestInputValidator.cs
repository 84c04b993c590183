using CopPortal.Web.Infrastructure.Forms.Validators;
using FluentValidation;

namespace CopPortal.Web.Pages.Meetings;

public sealed class GuestInputValidator : FormValidator<GuestModel.InputModel>
{
    public GuestInputValidator()
    {
        RuleFor(x => x.Answer).Bound("Select whether you can come").NotNull().WithMessage("Select whether you can come");
    }
}
