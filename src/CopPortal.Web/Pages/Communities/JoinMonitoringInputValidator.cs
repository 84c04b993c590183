using CopPortal.Web.Infrastructure.Forms.Validators;
using FluentValidation;

namespace CopPortal.Web.Pages.Communities;

/// <summary>
/// Equality monitoring: every question is optional, but an answer must be one of the options offered (only a
/// hand-made request can send another).
/// </summary>
public sealed class JoinMonitoringInputValidator : FormValidator<JoinMonitoringModel.MonitoringInput>
{
    public JoinMonitoringInputValidator()
    {
        RuleFor(x => x.AgeBand).OneOf(JoinMonitoringModel.AgeBands, "Select your age from the list");
        RuleFor(x => x.Sex).OneOf(JoinMonitoringModel.Sexes, "Select your sex from the list");
        RuleFor(x => x.Ethnicity).OneOf(JoinMonitoringModel.Ethnicities, "Select your ethnic group from the list");
        RuleFor(x => x.Disability).OneOf(JoinMonitoringModel.Disabilities, "Select whether you have a disability from the list");
        RuleFor(x => x.SexualOrientation).OneOf(JoinMonitoringModel.SexualOrientations, "Select your sexual orientation from the list");
        RuleFor(x => x.Religion).OneOf(JoinMonitoringModel.Religions, "Select your religion or belief from the list");
    }
}

internal static class OptionRules
{
    /// <summary>Empty, or one of <paramref name="options"/>.</summary>
    public static IRuleBuilderOptions<T, string?> OneOf<T>(this IRuleBuilder<T, string?> rule, IReadOnlyList<string> options, string message) =>
        rule.Must(value => string.IsNullOrEmpty(value) || options.Contains(value)).WithMessage(message);
}
