using CopPortal.Domain.Joining;
using CopPortal.Domain.People;

namespace CopPortal.Domain.Tests.Directory;

public sealed class EligibilitySummaryTests
{
    private static readonly Dictionary<int, string> Professions = new()
    {
        [1] = "Psychological Wellbeing Practitioner (PWP)",
        [3] = "Education Mental Health Practitioner (EMHP)",
    };

    [Fact]
    public void Lines_for_no_restrictions_say_any_profession_and_any_region()
    {
        var lines = EligibilitySummary.Lines(new EligibilityCriteria(), Professions);
        Assert.Equal(["Open to: People in any profession", "Region: People in any region"], lines.Select(l => l.ToString()));
    }

    [Fact]
    public void Lines_name_professions_in_order_and_skip_unknown_ids()
    {
        var lines = EligibilitySummary.Lines(new EligibilityCriteria { ProfessionIds = [1, 99, 3] }, Professions);
        Assert.Equal("Psychological Wellbeing Practitioner (PWP), Education Mental Health Practitioner (EMHP)", lines[0].Text);
    }

    [Fact]
    public void Lines_list_career_stages_in_plain_english()
    {
        var criteria = new EligibilityCriteria { CareerStages = [CareerStage.Qualified, CareerStage.Trainee, CareerStage.EducationProvider] };
        var line = EligibilitySummary.Lines(criteria, Professions).Single(l => l.Label == "Career stages");
        Assert.Equal("Trainee, qualified and education provider", line.Text);
    }

    [Theory]
    [InlineData(RegionRule.InRegionOnly, "People in the Midlands only")]
    [InlineData(RegionRule.OutOfRegionIfNoLocalCoP, "People in the Midlands. People outside the Midlands may join if there is no similar community in their own region.")]
    [InlineData(RegionRule.AnyRegion, "People in any region")]
    public void Lines_explain_each_region_rule(RegionRule rule, string expected)
    {
        var line = EligibilitySummary.Lines(new EligibilityCriteria { RegionRule = rule, Region = "Midlands" }, Professions).Single(l => l.Label == "Region");
        Assert.Equal(expected, line.Text);
    }

    [Fact]
    public void Lines_name_london_without_an_article()
    {
        var line = EligibilitySummary.Lines(new EligibilityCriteria { RegionRule = RegionRule.OutOfRegionIfNoLocalCoP, Region = "London" }, Professions).Single(l => l.Label == "Region");
        Assert.Equal("People in London. People outside London may join if there is no similar community in their own region.", line.Text);
    }

    [Fact]
    public void Lines_use_the_network_region_when_the_criteria_name_none()
    {
        var line = EligibilitySummary.Lines(new EligibilityCriteria { RegionRule = RegionRule.InRegionOnly }, Professions, "North West").Single(l => l.Label == "Region");
        Assert.Equal("People in the North West only", line.Text);
    }

    [Fact]
    public void Lines_cover_seniority_setting_organisation_declarations_questions_window_and_capacity()
    {
        var criteria = new EligibilityCriteria
        {
            SeniorityRequirement = "Most senior psychological professional in your organisation",
            SettingRequirement = "Physical healthcare",
            Organisation = new OrganisationRequirements
            {
                MustRepresentOrganisation = true,
                MustBeBasedInEngland = true,
                ExcludedOrganisationTypes = ["Organisations whose sole purpose is religious"],
            },
            RequiredDeclarations = ["I agree to the ground rules."],
            Questions = ["What will you bring?", "What will you gain?"],
            Window = new ApplicationWindow { Opens = new DateOnly(2027, 1, 4), Closes = new DateOnly(2027, 1, 29), DecisionBy = new DateOnly(2027, 2, 12) },
            Capacity = 14,
        };
        var lines = EligibilitySummary.Lines(criteria, Professions).ToDictionary(l => l.Label, l => l.Text);
        Assert.Equal("Most senior psychological professional in your organisation", lines["Seniority"]);
        Assert.Equal("You must work in physical healthcare", lines["Setting"]);
        Assert.Equal("Your organisation must represent an organisation, not apply as an individual and be based in England. Not open to: organisations whose sole purpose is religious.", lines["Organisation"]);
        Assert.Equal("I agree to the ground rules.", lines["You will be asked to confirm"]);
        Assert.Equal("What will you bring?\nWhat will you gain?", lines["You will be asked"]);
        Assert.Equal("Applications open from 4 January 2027 to 29 January 2027. Decisions by 12 February 2027.", lines["Application window"]);
        Assert.Equal("Up to 14 members. When it is full, people who meet the criteria join a waiting list.", lines["Places"]);
    }
}
