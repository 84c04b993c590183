using CopPortal.Domain.Time;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Forms.Validators;
using FluentValidation;

namespace CopPortal.Web.Pages.Communities;

/// <summary>A new ToR version: the ToR text and cadence, the next review date and what changed.</summary>
public sealed class TermsEditInputValidator : FormValidator<TermsEditModel.EditInput>
{
    public const int ChangeSummaryMaxLength = 1000;

    /// <summary>How far ahead the next review may be set.</summary>
    public const int ReviewWithinYears = 2;

    public TermsEditInputValidator(TimeProvider clock)
    {
        Include(new TermsInputValidator());
        RuleFor(x => x.ReviewDueOn)
            .RealDate("The next review date")
            .Must(date => !date.IsEmpty).WithMessage("Enter the next review date")
            .Must(date => date.Value > LondonTime.Today(clock)).WithMessage("The next review date must be in the future")
            .Must(date => date.Value <= LondonTime.Today(clock).AddYears(ReviewWithinYears)).WithMessage($"The next review date must be within {ReviewWithinYears} years");
        RuleFor(x => x.ChangeSummary)
            .Required("Enter what changed, or \"Annual review: no changes\"")
            .MaxChars(ChangeSummaryMaxLength, "What changed");
    }
}
