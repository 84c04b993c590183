using CopPortal.Web.Infrastructure.Forms.Validators;
using FluentValidation;

namespace CopPortal.Web.Pages.Communities.Meetings;

/// <summary>One answer on a poll: yes, if need be, or no.</summary>
public sealed class PollInputValidator : FormValidator<PollModel.AnswerInput>
{
    public PollInputValidator()
    {
        RuleFor(x => x.Choice).Bound("Select yes, if need be or no").NotNull().WithMessage("Select yes, if need be or no");
    }
}
