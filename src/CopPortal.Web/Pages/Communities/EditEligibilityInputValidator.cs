using System.Globalization;
using CopPortal.Domain.Joining;
using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Forms.Validators;
using FluentValidation;

namespace CopPortal.Web.Pages.Communities;

/// <summary>A CoP's eligibility criteria. The page passes the professions it offers as <see cref="Rules"/>.</summary>
public sealed class EditEligibilityInputValidator : FormValidator<EditEligibilityModel.EligibilityInput>
{
    public const int RequirementMaxLength = 300;
    public const int ListMaxLength = 2000;
    public const int ChangeSummaryMaxLength = 500;
    public const int MaxCapacity = 100_000;

    public sealed record Rules(IReadOnlySet<int> ProfessionIds);

    public EditEligibilityInputValidator()
    {
        RuleFor(x => x.ProfessionIds)
            .Must((_, ids, context) => ids.All(context.FormContext<Rules>().ProfessionIds.Contains))
            .WithMessage("Select professions from the list");
        RuleFor(x => x.SeniorityRequirement).MaxChars(RequirementMaxLength, "Seniority requirement");
        RuleFor(x => x.RegionRule).IsInEnum().WithMessage("Select who can join from other regions");
        RuleFor(x => x.Region)
            .Must(region => !string.IsNullOrWhiteSpace(region) && Regions.All.Contains(region))
            .When(x => x.RegionRule != RegionRule.AnyRegion)
            .WithMessage("Select the community's region");
        RuleFor(x => x.SettingRequirement).MaxChars(RequirementMaxLength, "Setting or sector");
        RuleFor(x => x.ExcludedOrganisationTypes).MaxChars(ListMaxLength, "Organisation types that cannot join");
        RuleFor(x => x.RequiredDeclarations).MaxChars(ListMaxLength, "Declarations");
        RuleFor(x => x.Questions).MaxChars(ListMaxLength, "Questions for applicants");
        RuleFor(x => x.WindowOpens).RealDate("The opening date");
        RuleFor(x => x.WindowCloses).RealDate("The closing date");
        RuleFor(x => x.DecisionBy).RealDate("The decision date");
        // The window's dates are checked together once each is empty or a real date.
        When(x => HasWindow(x) && DatesReadable(x), () =>
        {
            RuleFor(x => x.WindowOpens).Must(date => !date.IsEmpty).WithMessage("Enter the date applications open");
            RuleFor(x => x.WindowCloses)
                .Must(date => !date.IsEmpty).WithMessage("Enter the date applications close")
                .Must((input, closes) => input.WindowOpens.Value is not DateOnly opens || closes.Value >= opens)
                .WithMessage("The closing date must be the same as or after the opening date");
            RuleFor(x => x.DecisionBy)
                .Must((input, decision) => decision.Value is not DateOnly d || input.WindowCloses.Value is not DateOnly c
                    || input.WindowOpens.Value is not DateOnly o || c < o || d >= c)
                .WithMessage("The decision date must be the same as or after the closing date");
        });
        RuleFor(x => x.Capacity)
            .Must(capacity => string.IsNullOrWhiteSpace(capacity) || ParseCapacity(capacity) is not null)
            .WithMessage($"Maximum number of members must be a whole number from 1 to {Numbers.Format(MaxCapacity)}");
        RuleFor(x => x.ChangeSummary).Required("Enter a summary of what changed").MaxChars(ChangeSummaryMaxLength, "What changed");
    }

    /// <summary>Any of the window's dates is filled in.</summary>
    public static bool HasWindow(EditEligibilityModel.EligibilityInput input) =>
        !input.WindowOpens.IsEmpty || !input.WindowCloses.IsEmpty || !input.DecisionBy.IsEmpty;

    /// <summary>The capacity typed, when it is a whole number in range.</summary>
    public static int? ParseCapacity(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= MaxCapacity ? value : null;

    private static bool DatesReadable(EditEligibilityModel.EligibilityInput input) =>
        new[] { input.WindowOpens, input.WindowCloses, input.DecisionBy }.All(d => d.IsEmpty || d.Value is not null);
}
