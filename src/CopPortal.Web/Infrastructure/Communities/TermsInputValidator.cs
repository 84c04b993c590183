using CopPortal.Web.Infrastructure.Forms.Validators;
using FluentValidation;

namespace CopPortal.Web.Infrastructure.Communities;

/// <summary>The ToR text and cadence: the ToR edit form (which includes these rules) and the network template form.</summary>
public sealed class TermsInputValidator : FormValidator<TermsInput>
{
    public TermsInputValidator()
    {
        RuleFor(x => x.WhoFor).Required("Enter who the community is for").MaxChars(TermsInput.TextMaxLength, "Who it is for");
        RuleFor(x => x.Purpose).Required("Enter the community's purpose").MaxChars(TermsInput.TextMaxLength, "Purpose");
        RuleFor(x => x.Aims).Required("Enter the community's aims").MaxChars(TermsInput.TextMaxLength, "Aims");
        RuleFor(x => x.MeetingFrequencyMonths).MeetingFrequency();
        RuleFor(x => x.MeetingDurationMinutes).MeetingDuration();
        RuleFor(x => x.MeetingNote).MaxChars(TermsInput.TextMaxLength, "Anything else about meetings");
        RuleFor(x => x.ChairingArrangements).Required("Enter how the community is chaired").MaxChars(TermsInput.TextMaxLength, "Chairing arrangements");
        RuleFor(x => x.NoteTakingArrangements).Required("Enter who takes notes").MaxChars(TermsInput.TextMaxLength, "Note-taking arrangements");
        RuleFor(x => x.ParticipationExpectations).Required("Enter how members are expected to take part").MaxChars(TermsInput.TextMaxLength, "How members are expected to take part");
    }
}

/// <summary>Meeting cadence, asked when a CoP is created and in its ToR.</summary>
public static class CadenceRules
{
    public const int MinMonths = 1;
    public const int MaxMonths = 12;
    public const int MinMinutes = 15;
    public const int MaxMinutes = 480;

    public static IRuleBuilderOptions<T, int?> MeetingFrequency<T>(this IRuleBuilder<T, int?> rule) =>
        rule.Bound("Months between meetings must be a whole number, like 3")
            .NotNull().WithMessage("Enter how many months there are between meetings")
            .InclusiveBetween(MinMonths, MaxMonths).WithMessage($"Months between meetings must be between {MinMonths} and {MaxMonths}");

    public static IRuleBuilderOptions<T, int?> MeetingDuration<T>(this IRuleBuilder<T, int?> rule) =>
        rule.Bound("Meeting length must be a whole number of minutes, like 90")
            .NotNull().WithMessage("Enter how long meetings last, in minutes")
            .InclusiveBetween(MinMinutes, MaxMinutes).WithMessage($"Meeting length must be between {MinMinutes} and {MaxMinutes} minutes");
}
