using CopPortal.Domain.People;

namespace CopPortal.Domain.Joining;

/// <summary>
/// The automatic pre-check: each criterion of a CoP's ToR against an application, as Met, Not met or
/// Needs judgement with a one-line reason in plain English. Pure, so it is easy to test and can be run
/// against other CoPs' criteria to suggest where a declined applicant could go instead.
/// A missing answer is never "Not met" (it may simply not have been asked); it needs a reviewer.
/// </summary>
public static class EligibilityChecker
{
    public const string ProfessionCriterion = "Profession";
    public const string CareerStageCriterion = "Career stage";
    public const string SeniorityCriterion = "Seniority";
    public const string RegionCriterion = "Region";
    public const string SettingCriterion = "Setting or sector";
    public const string RepresentsOrganisationCriterion = "Represents an organisation";
    public const string BasedInEnglandCriterion = "Organisation based in England";
    public const string DeliversCareCriterion = "Organisation delivers health or social care";
    public const string OrganisationTypeCriterion = "Organisation type";
    public const string NoneOfTheseOrganisationTypes = "None of these";

    public static List<CriterionResult> Check(EligibilityCriteria criteria, ApplicationAnswers answers, IReadOnlyDictionary<int, string> professionNames, string networkRegion)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(professionNames);
        var results = new List<CriterionResult>();

        if (criteria.ProfessionIds.Count > 0)
        {
            var name = answers.ProfessionId is int id && professionNames.TryGetValue(id, out var known) ? known : answers.ProfessionName;
            results.Add(answers.ProfessionId is not int professionId
                ? Result(ProfessionCriterion, "", PrecheckOutcome.NeedsJudgement, "No profession given")
                : criteria.ProfessionIds.Contains(professionId)
                    ? Result(ProfessionCriterion, name ?? "", PrecheckOutcome.Met, $"{name} is one of the professions this community is for")
                    : Result(ProfessionCriterion, name ?? "", PrecheckOutcome.NotMet, $"{name} is not one of the professions this community is for"));
        }

        if (criteria.CareerStages.Count > 0)
        {
            var stages = string.Join(", ", criteria.CareerStages.Select(s => CareerStages.Label(s).ToLowerInvariant()));
            results.Add(answers.CareerStage is not CareerStage stage
                ? Result(CareerStageCriterion, "", PrecheckOutcome.NeedsJudgement, "No career stage given")
                : criteria.CareerStages.Contains(stage)
                    ? Result(CareerStageCriterion, CareerStages.Label(stage), PrecheckOutcome.Met, $"{CareerStages.Label(stage)} is one of the career stages this community is for")
                    : Result(CareerStageCriterion, CareerStages.Label(stage), PrecheckOutcome.NotMet, $"{CareerStages.Label(stage)} is not one of the career stages this community is for ({stages})"));
        }

        if (!string.IsNullOrWhiteSpace(criteria.SeniorityRequirement))
        {
            var said = YesNo(answers.MeetsSeniority) + Detail(answers.JobTitle is null ? answers.SeniorityExplanation : $"job title: {answers.JobTitle}" + Detail(answers.SeniorityExplanation));
            results.Add(answers.MeetsSeniority switch
            {
                false => Result(SeniorityCriterion, said, PrecheckOutcome.NotMet, $"Says they do not meet the seniority requirement ({criteria.SeniorityRequirement.Trim()})"),
                true => Result(SeniorityCriterion, said, PrecheckOutcome.NeedsJudgement, "Says they meet the seniority requirement: check their role"),
                null => Result(SeniorityCriterion, said, PrecheckOutcome.NeedsJudgement, "Did not say whether they meet the seniority requirement"),
            });
        }

        results.Add(CheckRegion(criteria, answers, networkRegion));

        if (!string.IsNullOrWhiteSpace(criteria.SettingRequirement))
        {
            var said = YesNo(answers.WorksInSetting) + Detail(answers.SettingExplanation);
            var setting = Lower(criteria.SettingRequirement);
            results.Add(answers.WorksInSetting switch
            {
                false => Result(SettingCriterion, said, PrecheckOutcome.NotMet, $"Does not work in {setting}"),
                true => Result(SettingCriterion, said, PrecheckOutcome.NeedsJudgement, $"Says they work in {setting}: check their service"),
                null => Result(SettingCriterion, said, PrecheckOutcome.NeedsJudgement, $"Did not say whether they work in {setting}"),
            });
        }

        var organisation = criteria.Organisation;
        if (organisation.MustRepresentOrganisation)
        {
            results.Add(YesNoCriterion(RepresentsOrganisationCriterion, answers.RepresentsOrganisation, YesNo(answers.RepresentsOrganisation) + Detail(answers.Organisation),
                $"Represents {answers.Organisation ?? "an organisation"}",
                "Applies as an individual, and this community is for people representing an organisation"));
        }
        if (organisation.MustBeBasedInEngland)
        {
            results.Add(YesNoCriterion(BasedInEnglandCriterion, answers.BasedInEngland, YesNo(answers.BasedInEngland),
                "Their organisation is based in England",
                "Their organisation is not based in England"));
        }
        if (organisation.MustDeliverHealthOrSocialCare)
        {
            results.Add(YesNoCriterion(DeliversCareCriterion, answers.DeliversHealthOrSocialCare, YesNo(answers.DeliversHealthOrSocialCare),
                "Their organisation delivers health or social care",
                "Their organisation does not deliver health or social care"));
        }
        if (organisation.ExcludedOrganisationTypes.Count > 0)
        {
            var type = answers.OrganisationType;
            var excluded = type is not null && organisation.ExcludedOrganisationTypes.Contains(type, StringComparer.OrdinalIgnoreCase);
            results.Add(string.IsNullOrWhiteSpace(type)
                ? Result(OrganisationTypeCriterion, "", PrecheckOutcome.NeedsJudgement, "Did not say whether their organisation is a type this community excludes")
                : excluded
                    ? Result(OrganisationTypeCriterion, type, PrecheckOutcome.NotMet, $"This community does not accept {Lower(type)}")
                    : Result(OrganisationTypeCriterion, type, PrecheckOutcome.Met, "Their organisation is not a type this community excludes"));
        }

        for (var i = 0; i < criteria.RequiredDeclarations.Count; i++)
        {
            bool? answer = i < answers.Declarations.Count ? answers.Declarations[i] : null;
            var declaration = criteria.RequiredDeclarations[i];
            results.Add(YesNoCriterion($"Declaration: {declaration}", answer, YesNo(answer),
                "Agreed to the declaration",
                "Did not agree to the declaration, which this community requires"));
        }

        return results;
    }

    /// <summary>The worst outcome, which is what the queue filters on. No criteria at all counts as Met.</summary>
    public static PrecheckOutcome Overall(IEnumerable<CriterionResult> results) =>
        results.Select(r => r.Outcome).DefaultIfEmpty(PrecheckOutcome.Met).Max();

    private static CriterionResult CheckRegion(EligibilityCriteria criteria, ApplicationAnswers answers, string networkRegion)
    {
        var home = string.IsNullOrWhiteSpace(criteria.Region) ? networkRegion : criteria.Region;
        var region = answers.Region;
        var inRegion = region is not null && string.Equals(region.Trim(), home, StringComparison.OrdinalIgnoreCase);
        switch (criteria.RegionRule)
        {
            case RegionRule.AnyRegion:
                return Result(RegionCriterion, region ?? "", PrecheckOutcome.Met, "This community is open to people from any region");
            case RegionRule.InRegionOnly:
                if (string.IsNullOrWhiteSpace(region))
                {
                    return Result(RegionCriterion, "", PrecheckOutcome.NeedsJudgement, "No region given");
                }
                return inRegion
                    ? Result(RegionCriterion, region, PrecheckOutcome.Met, $"Works in {Regions.InSentence(home)}")
                    : Result(RegionCriterion, region, PrecheckOutcome.NotMet, $"Works in {Regions.InSentence(region)}, and this community is only for people in {Regions.InSentence(home)}");
            default:
                if (string.IsNullOrWhiteSpace(region))
                {
                    return Result(RegionCriterion, "", PrecheckOutcome.NeedsJudgement, "No region given");
                }
                if (inRegion)
                {
                    return Result(RegionCriterion, region, PrecheckOutcome.Met, $"Works in {Regions.InSentence(home)}");
                }
                var said = region + Detail(answers.NoLocalCoPExplanation);
                return string.IsNullOrWhiteSpace(answers.NoLocalCoPExplanation)
                    ? Result(RegionCriterion, said, PrecheckOutcome.NotMet, $"Works in {Regions.InSentence(region)} and did not explain why a community in their own region would not meet their needs")
                    : Result(RegionCriterion, said, PrecheckOutcome.NeedsJudgement, $"Works in {Regions.InSentence(region)}: judge whether a similar community exists in their own region");
        }
    }

    private static CriterionResult YesNoCriterion(string criterion, bool? answer, string said, string metReason, string notMetReason) => answer switch
    {
        true => Result(criterion, said, PrecheckOutcome.Met, metReason),
        false => Result(criterion, said, PrecheckOutcome.NotMet, notMetReason),
        null => Result(criterion, said, PrecheckOutcome.NeedsJudgement, "No answer given"),
    };

    private static CriterionResult Result(string criterion, string answer, PrecheckOutcome outcome, string reason) =>
        new() { Criterion = criterion, Answer = answer, Outcome = outcome, Reason = reason };

    private static string YesNo(bool? answer) => answer switch
    {
        true => "Yes",
        false => "No",
        null => "Not answered",
    };

    private static string Detail(string? text) => string.IsNullOrWhiteSpace(text) ? "" : $" ({text.Trim()})";

    private static string Lower(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
}
