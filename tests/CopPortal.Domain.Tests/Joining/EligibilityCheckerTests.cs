using CopPortal.Domain.Joining;
using CopPortal.Domain.People;

namespace CopPortal.Domain.Tests.Joining;

/// <summary>Every criterion type of the automatic pre-check, and the region rule in all its cases.</summary>
public sealed class EligibilityCheckerTests
{
    private const int Pwp = 1;
    private const int ClinicalPsychologist = 8;
    private static readonly Dictionary<int, string> Professions = new()
    {
        [Pwp] = "Psychological Wellbeing Practitioner",
        [ClinicalPsychologist] = "Clinical Psychologist",
    };

    private static CriterionResult Only(EligibilityCriteria criteria, ApplicationAnswers answers, string criterion) =>
        Assert.Single(EligibilityChecker.Check(criteria, answers, Professions, "Midlands"), r => r.Criterion == criterion);

    private static ApplicationAnswers InRegion() => new() { Region = "Midlands" };

    [Fact]
    public void Profession_in_the_list_is_met()
    {
        var result = Only(new EligibilityCriteria { ProfessionIds = [Pwp] }, new ApplicationAnswers { ProfessionId = Pwp, Region = "Midlands" }, EligibilityChecker.ProfessionCriterion);
        Assert.Equal(PrecheckOutcome.Met, result.Outcome);
        Assert.Equal("Psychological Wellbeing Practitioner is one of the professions this community is for", result.Reason);
    }

    [Fact]
    public void Clinical_psychologist_is_not_met_for_the_practitioners_community()
    {
        var result = Only(new EligibilityCriteria { ProfessionIds = [Pwp] }, new ApplicationAnswers { ProfessionId = ClinicalPsychologist, Region = "Midlands" }, EligibilityChecker.ProfessionCriterion);
        Assert.Equal(PrecheckOutcome.NotMet, result.Outcome);
        Assert.Equal("Clinical Psychologist is not one of the professions this community is for", result.Reason);
        Assert.Equal("Clinical Psychologist", result.Answer);
    }

    [Fact]
    public void No_profession_list_means_no_profession_criterion()
    {
        var results = EligibilityChecker.Check(new EligibilityCriteria(), new ApplicationAnswers { ProfessionId = ClinicalPsychologist, Region = "Midlands" }, Professions, "Midlands");
        Assert.DoesNotContain(results, r => r.Criterion == EligibilityChecker.ProfessionCriterion);
    }

    [Theory]
    [InlineData(CareerStage.Trainee, PrecheckOutcome.Met)]
    [InlineData(CareerStage.Student, PrecheckOutcome.NotMet)]
    public void Career_stage_is_checked_against_the_list(CareerStage stage, PrecheckOutcome expected)
    {
        var criteria = new EligibilityCriteria { CareerStages = [CareerStage.Trainee, CareerStage.Qualified] };
        var result = Only(criteria, new ApplicationAnswers { CareerStage = stage, Region = "Midlands" }, EligibilityChecker.CareerStageCriterion);
        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    public void Career_stage_not_met_names_the_stages_allowed()
    {
        var criteria = new EligibilityCriteria { CareerStages = [CareerStage.Trainee, CareerStage.Qualified] };
        var result = Only(criteria, new ApplicationAnswers { CareerStage = CareerStage.Student, Region = "Midlands" }, EligibilityChecker.CareerStageCriterion);
        Assert.Equal("Student is not one of the career stages this community is for (trainee, qualified)", result.Reason);
    }

    [Theory]
    [InlineData(true, PrecheckOutcome.NeedsJudgement)]
    [InlineData(false, PrecheckOutcome.NotMet)]
    [InlineData(null, PrecheckOutcome.NeedsJudgement)]
    public void Seniority_is_a_reviewers_judgement_unless_the_applicant_says_no(bool? meets, PrecheckOutcome expected)
    {
        var criteria = new EligibilityCriteria { SeniorityRequirement = "Most senior psychological professional in the organisation" };
        var result = Only(criteria, new ApplicationAnswers { MeetsSeniority = meets, JobTitle = "Director", Region = "Midlands" }, EligibilityChecker.SeniorityCriterion);
        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    public void Any_region_is_always_met()
    {
        var result = Only(new EligibilityCriteria { RegionRule = RegionRule.AnyRegion }, new ApplicationAnswers { Region = "London" }, EligibilityChecker.RegionCriterion);
        Assert.Equal(PrecheckOutcome.Met, result.Outcome);
    }

    [Theory]
    [InlineData("Midlands", PrecheckOutcome.Met, "Works in the Midlands")]
    [InlineData("London", PrecheckOutcome.NotMet, "Works in London, and this community is only for people in the Midlands")]
    public void In_region_only(string region, PrecheckOutcome expected, string reason)
    {
        var result = Only(new EligibilityCriteria { RegionRule = RegionRule.InRegionOnly, Region = "Midlands" }, new ApplicationAnswers { Region = region }, EligibilityChecker.RegionCriterion);
        Assert.Equal(expected, result.Outcome);
        Assert.Equal(reason, result.Reason);
    }

    [Fact]
    public void In_region_uses_the_network_region_when_the_criteria_name_none()
    {
        var result = Only(new EligibilityCriteria { RegionRule = RegionRule.InRegionOnly }, new ApplicationAnswers { Region = "North West" }, EligibilityChecker.RegionCriterion);
        Assert.Equal(PrecheckOutcome.NotMet, result.Outcome);
    }

    [Fact]
    public void Out_of_region_allowed_is_met_in_region()
    {
        var result = Only(new EligibilityCriteria { RegionRule = RegionRule.OutOfRegionIfNoLocalCoP, Region = "Midlands" }, InRegion(), EligibilityChecker.RegionCriterion);
        Assert.Equal(PrecheckOutcome.Met, result.Outcome);
    }

    [Fact]
    public void Out_of_region_with_an_explanation_needs_judgement()
    {
        var answers = new ApplicationAnswers { Region = "North West", NoLocalCoPExplanation = "There is no practitioner CoP in the North West." };
        var result = Only(new EligibilityCriteria { RegionRule = RegionRule.OutOfRegionIfNoLocalCoP, Region = "Midlands" }, answers, EligibilityChecker.RegionCriterion);
        Assert.Equal(PrecheckOutcome.NeedsJudgement, result.Outcome);
        Assert.Equal("Works in the North West: judge whether a similar community exists in their own region", result.Reason);
        Assert.Contains("no practitioner CoP", result.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_region_without_an_explanation_is_not_met()
    {
        var answers = new ApplicationAnswers { Region = "North West", NoLocalCoPExplanation = "  " };
        var result = Only(new EligibilityCriteria { RegionRule = RegionRule.OutOfRegionIfNoLocalCoP, Region = "Midlands" }, answers, EligibilityChecker.RegionCriterion);
        Assert.Equal(PrecheckOutcome.NotMet, result.Outcome);
    }

    [Theory]
    [InlineData(true, PrecheckOutcome.NeedsJudgement)]
    [InlineData(false, PrecheckOutcome.NotMet)]
    public void Setting_is_judged_unless_the_applicant_says_no(bool works, PrecheckOutcome expected)
    {
        var result = Only(new EligibilityCriteria { SettingRequirement = "Physical healthcare" }, new ApplicationAnswers { WorksInSetting = works, Region = "Midlands" }, EligibilityChecker.SettingCriterion);
        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    public void Setting_not_met_says_so_in_plain_words()
    {
        var result = Only(new EligibilityCriteria { SettingRequirement = "Physical healthcare" }, new ApplicationAnswers { WorksInSetting = false, Region = "Midlands" }, EligibilityChecker.SettingCriterion);
        Assert.Equal("Does not work in physical healthcare", result.Reason);
    }

    [Theory]
    [InlineData(true, PrecheckOutcome.Met)]
    [InlineData(false, PrecheckOutcome.NotMet)]
    [InlineData(null, PrecheckOutcome.NeedsJudgement)]
    public void Organisation_requirements_are_yes_no(bool? answer, PrecheckOutcome expected)
    {
        var criteria = new EligibilityCriteria
        {
            Organisation = new OrganisationRequirements { MustRepresentOrganisation = true, MustBeBasedInEngland = true, MustDeliverHealthOrSocialCare = true },
        };
        var answers = new ApplicationAnswers { Region = "Midlands", RepresentsOrganisation = answer, BasedInEngland = answer, DeliversHealthOrSocialCare = answer };
        Assert.Equal(expected, Only(criteria, answers, EligibilityChecker.RepresentsOrganisationCriterion).Outcome);
        Assert.Equal(expected, Only(criteria, answers, EligibilityChecker.BasedInEnglandCriterion).Outcome);
        Assert.Equal(expected, Only(criteria, answers, EligibilityChecker.DeliversCareCriterion).Outcome);
    }

    [Fact]
    public void Individual_applicant_is_told_the_community_is_for_organisations()
    {
        var criteria = new EligibilityCriteria { Organisation = new OrganisationRequirements { MustRepresentOrganisation = true } };
        var result = Only(criteria, new ApplicationAnswers { Region = "Midlands", RepresentsOrganisation = false }, EligibilityChecker.RepresentsOrganisationCriterion);
        Assert.Equal("Applies as an individual, and this community is for people representing an organisation", result.Reason);
    }

    [Theory]
    [InlineData("Organisations whose sole purpose is religious", PrecheckOutcome.NotMet)]
    [InlineData(EligibilityChecker.NoneOfTheseOrganisationTypes, PrecheckOutcome.Met)]
    public void Excluded_organisation_types(string type, PrecheckOutcome expected)
    {
        var criteria = new EligibilityCriteria { Organisation = new OrganisationRequirements { ExcludedOrganisationTypes = ["Organisations whose sole purpose is religious"] } };
        var result = Only(criteria, new ApplicationAnswers { Region = "Midlands", OrganisationType = type }, EligibilityChecker.OrganisationTypeCriterion);
        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    public void Each_required_declaration_must_be_yes()
    {
        var criteria = new EligibilityCriteria { RequiredDeclarations = ["I agree to the ground rules", "I can attend most meetings"] };
        var results = EligibilityChecker.Check(criteria, new ApplicationAnswers { Region = "Midlands", Declarations = [true, false] }, Professions, "Midlands");
        Assert.Equal(PrecheckOutcome.Met, results.Single(r => r.Criterion == "Declaration: I agree to the ground rules").Outcome);
        Assert.Equal(PrecheckOutcome.NotMet, results.Single(r => r.Criterion == "Declaration: I can attend most meetings").Outcome);
    }

    [Fact]
    public void Free_text_questions_do_not_change_the_outcome()
    {
        var criteria = new EligibilityCriteria { Questions = ["What will you bring?"] };
        var results = EligibilityChecker.Check(criteria, new ApplicationAnswers { Region = "Midlands", QuestionAnswers = [""] }, Professions, "Midlands");
        Assert.Equal(PrecheckOutcome.Met, EligibilityChecker.Overall(results));
    }

    [Fact]
    public void Overall_outcome_is_the_worst_criterion()
    {
        var criteria = new EligibilityCriteria { ProfessionIds = [Pwp], SeniorityRequirement = "Lead", RegionRule = RegionRule.InRegionOnly };
        var judgement = EligibilityChecker.Check(criteria, new ApplicationAnswers { ProfessionId = Pwp, MeetsSeniority = true, Region = "Midlands" }, Professions, "Midlands");
        var notMet = EligibilityChecker.Check(criteria, new ApplicationAnswers { ProfessionId = ClinicalPsychologist, MeetsSeniority = true, Region = "Midlands" }, Professions, "Midlands");
        Assert.Equal(PrecheckOutcome.NeedsJudgement, EligibilityChecker.Overall(judgement));
        Assert.Equal(PrecheckOutcome.NotMet, EligibilityChecker.Overall(notMet));
        Assert.Equal(PrecheckOutcome.Met, EligibilityChecker.Overall([]));
    }
}
