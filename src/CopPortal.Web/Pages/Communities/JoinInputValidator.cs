using System.Globalization;
using CopPortal.Domain.Joining;
using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Forms.Validators;
using FluentValidation;

namespace CopPortal.Web.Pages.Communities;

/// <summary>
/// The application form. Which questions are asked depends on the CoP's current criteria, so the page passes them
/// (with its profession list and home region) as <see cref="Rules"/>.
/// </summary>
public sealed class JoinInputValidator : FormValidator<JoinModel.JoinInput>
{
    public const int TitleMaxLength = 200;

    /// <summary>What the rules need from the page: the criteria being applied against and the choices offered.</summary>
    public sealed record Rules(EligibilityCriteria Criteria, IReadOnlySet<int> ProfessionIds, string HomeRegion);

    public JoinInputValidator()
    {
        RuleFor(x => x.ProfessionId)
            .Must((_, id, context) => id is int value && context.FormContext<Rules>().ProfessionIds.Contains(value))
            .WithMessage("Select your profession");
        RuleFor(x => x.CareerStage)
            .Must((_, stage, context) => stage is not null || context.FormContext<Rules>().Criteria.CareerStages.Count == 0)
            .WithMessage("Select your career stage");
        RuleFor(x => x.JobTitle).Required("Enter your job title").MaxChars(TitleMaxLength, "Job title");
        RuleFor(x => x.Organisation).Required("Enter the organisation you work for").MaxChars(TitleMaxLength, "Organisation");
        RuleFor(x => x.Region)
            .Must(region => !string.IsNullOrWhiteSpace(region) && Regions.All.Contains(region))
            .WithMessage("Select the region you work in");
        RuleFor(x => x.NoLocalCoPExplanation)
            .Required("Tell us whether there is a similar community in your own region")
            .MaxChars(JoinModel.MaxAnswerLength, "Your answer about communities in your region")
            .When((input, context) => OutOfRegion(input, context.FormContext<Rules>()));
        RuleFor(x => x.MeetsSeniority)
            .Must((_, answer, context) => answer is not null || string.IsNullOrWhiteSpace(context.FormContext<Rules>().Criteria.SeniorityRequirement))
            .WithMessage("Select yes if you meet the seniority requirement");
        RuleFor(x => x.SeniorityExplanation).MaxChars(JoinModel.MaxAnswerLength, "What you tell us about your role");
        RuleFor(x => x.WorksInSetting).Custom((answer, context) =>
        {
            var setting = context.FormContext<Rules>().Criteria.SettingRequirement;
            if (answer is null && !string.IsNullOrWhiteSpace(setting))
            {
                context.AddFailure($"Select yes if you work in {setting.ToLowerInvariant()}");
            }
        });
        RuleFor(x => x.SettingExplanation).MaxChars(JoinModel.MaxAnswerLength, "What you tell us about your service");
        RuleFor(x => x.RepresentsOrganisation)
            .Must((_, answer, context) => answer is not null || !context.FormContext<Rules>().Criteria.Organisation.MustRepresentOrganisation)
            .WithMessage("Select yes if you are applying on behalf of an organisation");
        RuleFor(x => x.BasedInEngland)
            .Must((_, answer, context) => answer is not null || !context.FormContext<Rules>().Criteria.Organisation.MustBeBasedInEngland)
            .WithMessage("Select yes if your organisation is based in England");
        RuleFor(x => x.DeliversHealthOrSocialCare)
            .Must((_, answer, context) => answer is not null || !context.FormContext<Rules>().Criteria.Organisation.MustDeliverHealthOrSocialCare)
            .WithMessage("Select yes if your organisation delivers health or social care services");
        RuleFor(x => x.OrganisationType)
            .Must((_, type, context) => context.FormContext<Rules>().Criteria.Organisation.ExcludedOrganisationTypes is var excluded
                && (excluded.Count == 0 || excluded.Contains(type ?? "") || type == EligibilityChecker.NoneOfTheseOrganisationTypes))
            .WithMessage("Select whether your organisation is one of these types");
        // One answer per declaration and question, each message quoting the one it is about.
        RuleFor(x => x).Custom((input, context) =>
        {
            var criteria = context.FormContext<Rules>().Criteria;
            for (var i = 0; i < criteria.RequiredDeclarations.Count; i++)
            {
                if (i >= input.Declarations.Count || input.Declarations[i] is null)
                {
                    context.AddFailure(Indexed(nameof(input.Declarations), i), $"Select yes if you agree: {criteria.RequiredDeclarations[i]}");
                }
            }
            for (var i = 0; i < criteria.Questions.Count; i++)
            {
                var answer = i < input.QuestionAnswers.Count ? input.QuestionAnswers[i] : null;
                if (string.IsNullOrWhiteSpace(answer))
                {
                    context.AddFailure(Indexed(nameof(input.QuestionAnswers), i), $"Enter your answer to: {criteria.Questions[i]}");
                }
                else if (FieldRules.Length(answer) > JoinModel.MaxAnswerLength)
                {
                    context.AddFailure(Indexed(nameof(input.QuestionAnswers), i), $"Your answer to \"{criteria.Questions[i]}\" must be {Numbers.Format(JoinModel.MaxAnswerLength)} characters or fewer");
                }
            }
        });
    }

    /// <summary>The applicant works outside the CoP's region where the criteria let them explain why.</summary>
    public static bool OutOfRegion(JoinModel.JoinInput input, Rules rules) =>
        rules.Criteria.RegionRule == RegionRule.OutOfRegionIfNoLocalCoP
        && !string.IsNullOrWhiteSpace(input.Region) && Regions.All.Contains(input.Region)
        && !string.Equals(input.Region, rules.HomeRegion, StringComparison.OrdinalIgnoreCase);

    private static string Indexed(string property, int index) => string.Create(CultureInfo.InvariantCulture, $"{property}[{index}]");
}
