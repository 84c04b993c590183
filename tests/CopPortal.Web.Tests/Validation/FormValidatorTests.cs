using CopPortal.Domain.Communities;
using CopPortal.Domain.Joining;
using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Forms.Validators;
using CopPortal.Web.Pages.Account;
using CopPortal.Web.Pages.Communities;
using CopPortal.Web.Pages.Staff;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CopPortal.Web.Tests.Validation;

/// <summary>
/// Each validator's key rules, run through the same adapter the pages use, so each assertion reads as the error
/// summary would: field key and message. Fast unit tests: no host, no database.
/// </summary>
public sealed class FormValidatorTests
{
    private static async Task<Dictionary<string, string>> ErrorsAsync<T>(IValidator<T> validator, T model, ModelStateDictionary? state = null, string prefix = "Input", object? context = null, string? ruleSet = null)
    {
        state ??= new ModelStateDictionary();
        await validator.ValidateIntoAsync(model, state, prefix, context, ruleSet);
        return state.Where(kv => kv.Value!.Errors.Count > 0).ToDictionary(kv => kv.Key, kv => Assert.Single(kv.Value!.Errors).ErrorMessage);
    }

    private static string Text(int length) => new('a', length);

    [Fact]
    public void Numbers_are_written_with_thousands_separators()
    {
        Assert.Equal("2,000", Numbers.Format(2000));
        Assert.Equal("100,000", Numbers.Format(100_000));
        Assert.Equal("150", Numbers.Format(150));
    }

    [Fact]
    public void Length_counts_a_browser_line_ending_as_one_character_as_the_character_count_does()
    {
        Assert.Equal(3, FieldRules.Length("a\r\nb"));
        Assert.Equal(3, FieldRules.Length("  a\nb  "));
        Assert.Equal(0, FieldRules.Length(null));
    }

    [Fact]
    public async Task Terms_text_too_long_names_each_field_with_its_limit()
    {
        var input = Valid();
        input.Purpose = Text(TermsInput.TextMaxLength + 1);
        input.Aims = Text(TermsInput.TextMaxLength + 1);
        input.MeetingNote = Text(TermsInput.TextMaxLength + 1);

        var errors = await ErrorsAsync(new TermsInputValidator(), input);

        Assert.Equal(new Dictionary<string, string>
        {
            ["Input.Purpose"] = "Purpose must be 4,000 characters or fewer",
            ["Input.Aims"] = "Aims must be 4,000 characters or fewer",
            ["Input.MeetingNote"] = "Anything else about meetings must be 4,000 characters or fewer",
        }, errors);
    }

    [Fact]
    public async Task Terms_text_at_the_limit_with_browser_line_endings_is_accepted()
    {
        var input = Valid();
        input.Aims = Text(TermsInput.TextMaxLength - 2) + "\r\n" + "a";
        Assert.Empty(await ErrorsAsync(new TermsInputValidator(), input));
    }

    [Fact]
    public async Task Terms_required_fields_and_cadence_ranges()
    {
        var input = Valid();
        input.WhoFor = "  ";
        input.MeetingFrequencyMonths = null;
        input.MeetingDurationMinutes = 481;

        var errors = await ErrorsAsync(new TermsInputValidator(), input);

        Assert.Equal("Enter who the community is for", errors["Input.WhoFor"]);
        Assert.Equal("Enter how many months there are between meetings", errors["Input.MeetingFrequencyMonths"]);
        Assert.Equal("Meeting length must be between 15 and 480 minutes", errors["Input.MeetingDurationMinutes"]);
    }

    [Fact]
    public async Task A_number_that_did_not_bind_gets_the_validators_message_instead_of_the_frameworks()
    {
        var state = new ModelStateDictionary();
        state.AddModelError("Input.MeetingFrequencyMonths", "The value 'three' is not valid for MeetingFrequencyMonths.");
        var input = Valid();
        input.MeetingFrequencyMonths = null;

        var errors = await ErrorsAsync(new TermsInputValidator(), input, state);

        Assert.Equal(new Dictionary<string, string> { ["Input.MeetingFrequencyMonths"] = "Months between meetings must be a whole number, like 3" }, errors);
    }

    [Fact]
    public async Task Terms_edit_review_date_must_be_real_future_and_within_two_years()
    {
        var clock = new TestClock(new DateTimeOffset(2027, 3, 15, 12, 0, 0, TimeSpan.Zero));
        var validator = new TermsEditInputValidator(clock);

        async Task<string?> ReviewError(string day, string month, string year)
        {
            var input = TermsInput.From<TermsEditModel.EditInput>(ValidContent());
            input.ChangeSummary = "Annual review";
            input.ReviewDueOn = new DateInput { Day = day, Month = month, Year = year };
            return (await ErrorsAsync(validator, input)).GetValueOrDefault("Input.ReviewDueOn");
        }

        Assert.Equal("The next review date must be a real date", await ReviewError("30", "2", "2028"));
        Assert.Equal("Enter the next review date", await ReviewError("", "", ""));
        Assert.Equal("The next review date must be in the future", await ReviewError("15", "3", "2027"));
        Assert.Equal("The next review date must be within 2 years", await ReviewError("16", "3", "2029"));
        Assert.Null(await ReviewError("15", "3", "2029"));
    }

    [Fact]
    public async Task Account_names_are_required_short_and_one_line()
    {
        var validator = new RegisterInputValidator();
        Register(validator, "", out var empty);
        Assert.Equal("Enter your full name", (await empty)["Input.DisplayName"]);
        Register(validator, Text(101), out var tooLong);
        Assert.Equal("Full name must be 100 characters or fewer", (await tooLong)["Input.DisplayName"]);
        Register(validator, "Evil\tName", out var tab);
        Assert.Equal("Full name must not contain line breaks, tabs or other control characters", (await tab)["Input.DisplayName"]);

        static void Register(RegisterInputValidator v, string name, out Task<Dictionary<string, string>> errors) =>
            errors = ErrorsAsync(v, new Pages.Account.Register.IndexModel.InputModel { DisplayName = name, Email = "a@nhs.net", Password = "x" });
    }

    [Theory]
    [InlineData(null, "Enter your email address")]
    [InlineData("   ", "Enter your email address")]
    [InlineData("not an address", "Enter an email address in the correct format, like name@example.nhs.uk")]
    [InlineData("name@localhost", "Enter an email address in the correct format, like name@example.nhs.uk")]
    [InlineData("  Name@NHS.net. ", null)]
    public async Task Email_addresses_are_checked_as_normalised(string? email, string? expected)
    {
        var errors = await ErrorsAsync(new ForgotPasswordInputValidator(), new ForgotPasswordModel.InputModel { Email = email });
        Assert.Equal(expected, errors.GetValueOrDefault("Input.Email"));
    }

    [Fact]
    public async Task Profile_job_title_and_organisation_are_optional_but_limited_and_one_line()
    {
        var errors = await ErrorsAsync(new ProfileInputValidator(), new ProfileModel.InputModel
        {
            DisplayName = "Aisha Begum",
            JobTitle = Text(201),
            Organisation = "Trust\r\nBcc: x@example.org",
            Region = Regions.All[0],
            CareerStage = "7",
        });
        Assert.Equal(new Dictionary<string, string>
        {
            ["Input.JobTitle"] = "Job title must be 200 characters or fewer",
            ["Input.Organisation"] = "Organisation must not contain line breaks, tabs or other control characters",
            ["Input.CareerStage"] = "Select your career stage",
        }, errors);
    }

    [Fact]
    public async Task Proposal_messages_name_the_field_and_write_the_limit_with_a_comma()
    {
        var errors = await ErrorsAsync(new ProposeInputValidator(), new ProposeModel.InputModel
        {
            Name = "Name",
            WhoFor = Text(2001),
            Purpose = Text(2001),
            WhyNoExistingFits = Text(2001),
            ChairVolunteers = Text(2001),
            SecretaryVolunteers = Text(2001),
        });
        Assert.Equal(
            [
                "Purpose must be 2,000 characters or fewer",
                "Who it would be for must be 2,000 characters or fewer",
                "Who would be its secretary must be 2,000 characters or fewer",
                "Who would chair it must be 2,000 characters or fewer",
                "Why no existing community fits must be 2,000 characters or fewer",
            ],
            errors.Values.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Join_asks_only_what_the_criteria_ask_and_names_each_declaration_and_question()
    {
        var criteria = new EligibilityCriteria
        {
            RegionRule = RegionRule.OutOfRegionIfNoLocalCoP,
            SettingRequirement = "Physical healthcare",
            RequiredDeclarations = ["I will keep discussions confidential", "I work in the NHS"],
            Questions = ["Why do you want to join?"],
        };
        var rules = new JoinInputValidator.Rules(criteria, new HashSet<int> { 4 }, "London");
        var input = new JoinModel.JoinInput
        {
            ProfessionId = 4,
            JobTitle = "Psychologist",
            Organisation = "A trust",
            Region = "North West",
            Declarations = [true, null],
            QuestionAnswers = [Text(2001)],
        };

        var errors = await ErrorsAsync(new JoinInputValidator(), input, context: rules);

        Assert.Equal(new Dictionary<string, string>
        {
            ["Input.NoLocalCoPExplanation"] = "Tell us whether there is a similar community in your own region",
            ["Input.WorksInSetting"] = "Select yes if you work in physical healthcare",
            ["Input.Declarations[1]"] = "Select yes if you agree: I work in the NHS",
            ["Input.QuestionAnswers[0]"] = "Your answer to \"Why do you want to join?\" must be 2,000 characters or fewer",
        }, errors);

        // With nothing extra in the criteria, the same person needs only the basic answers.
        var plain = new JoinInputValidator.Rules(new EligibilityCriteria(), new HashSet<int> { 4 }, "London");
        Assert.Empty(await ErrorsAsync(new JoinInputValidator(), new JoinModel.JoinInput { ProfessionId = 4, JobTitle = "Psychologist", Organisation = "A trust", Region = "London" }, context: plain));
    }

    [Fact]
    public async Task Join_refuses_a_profession_the_page_did_not_offer()
    {
        var rules = new JoinInputValidator.Rules(new EligibilityCriteria(), new HashSet<int> { 4 }, "London");
        var errors = await ErrorsAsync(new JoinInputValidator(), new JoinModel.JoinInput { ProfessionId = 99, JobTitle = "x", Organisation = "y", Region = "London" }, context: rules);
        Assert.Equal(new Dictionary<string, string> { ["Input.ProfessionId"] = "Select your profession" }, errors);
    }

    [Fact]
    public async Task Eligibility_window_dates_are_checked_in_order_and_capacity_in_range()
    {
        var input = new EditEligibilityModel.EligibilityInput
        {
            RegionRule = RegionRule.AnyRegion,
            WindowOpens = DateInput.From(new DateOnly(2027, 5, 1)),
            WindowCloses = DateInput.From(new DateOnly(2027, 4, 1)),
            Capacity = "100001",
            ChangeSummary = "New window",
        };
        var rules = new EditEligibilityInputValidator.Rules(new HashSet<int>());

        var errors = await ErrorsAsync(new EditEligibilityInputValidator(), input, context: rules);

        Assert.Equal(new Dictionary<string, string>
        {
            ["Input.WindowCloses"] = "The closing date must be the same as or after the opening date",
            ["Input.Capacity"] = "Maximum number of members must be a whole number from 1 to 100,000",
        }, errors);

        input.WindowCloses = DateInput.From(new DateOnly(2027, 6, 1));
        input.DecisionBy = DateInput.From(new DateOnly(2027, 5, 31));
        input.Capacity = "40";
        Assert.Equal(new Dictionary<string, string> { ["Input.DecisionBy"] = "The decision date must be the same as or after the closing date" }, await ErrorsAsync(new EditEligibilityInputValidator(), input, context: rules));
    }

    [Fact]
    public async Task A_join_decision_runs_only_the_rules_of_the_button_pressed()
    {
        var validator = new JoinDecisionInputValidator();
        var templates = new JoinDecisionInputValidator.Templates(new HashSet<int> { 1 });
        var empty = new Pages.Staff.JoinRequests.ReviewModel.DecisionInput();

        Assert.Equal(new Dictionary<string, string> { ["Input.TemplateId"] = "Select a reason for declining, or write your own" },
            await ErrorsAsync(validator, empty, context: templates, ruleSet: JoinDecisionInputValidator.Decline));
        Assert.Equal(new Dictionary<string, string> { ["Input.Question"] = "Enter what you would like the applicant to tell you" },
            await ErrorsAsync(validator, empty, ruleSet: JoinDecisionInputValidator.RequestInformation));
        Assert.Empty(await ErrorsAsync(validator, new Pages.Staff.JoinRequests.ReviewModel.DecisionInput { TemplateId = 1 }, context: templates, ruleSet: JoinDecisionInputValidator.Decline));
    }

    [Fact]
    public async Task Core_team_role_must_be_a_core_role_and_a_made_up_one_gets_a_plain_message()
    {
        var state = new ModelStateDictionary();
        state.AddModelError("Assign.Role", "The value 'Emperor' is not valid.");
        var errors = await ErrorsAsync(new AssignRoleInputValidator(), new Pages.Staff.Communities.ManageModel.AssignInput { Email = "a@nhs.net" }, state, "Assign");
        Assert.Equal(new Dictionary<string, string> { ["Assign.Role"] = "Select a role" }, errors);

        var member = await ErrorsAsync(new AssignRoleInputValidator(), new Pages.Staff.Communities.ManageModel.AssignInput { Email = "a@nhs.net", Role = CommunityRole.Member }, prefix: "Assign");
        Assert.Equal("Select a role", member["Assign.Role"]);
    }

    [Fact]
    public async Task Community_names_and_web_addresses_follow_the_domain_rules()
    {
        var errors = await ErrorsAsync(new CreateCommunityInputValidator(), new Pages.Staff.Communities.CreateModel.InputModel
        {
            Name = Text(CommunityAdmin.NameMaxLength + 1),
            Slug = "Not A Slug",
            Summary = "Who it is for",
        });
        Assert.Equal(new Dictionary<string, string>
        {
            ["Input.Name"] = "Name must be 150 characters or fewer",
            ["Input.Slug"] = "Web address name must use only lower-case letters, numbers and single hyphens, and be 80 characters or fewer",
        }, errors);
    }

    [Fact]
    public async Task Equality_monitoring_answers_are_optional_but_must_be_offered_options()
    {
        var validator = new JoinMonitoringInputValidator();
        Assert.Empty(await ErrorsAsync(validator, new JoinMonitoringModel.MonitoringInput()));
        Assert.Empty(await ErrorsAsync(validator, new JoinMonitoringModel.MonitoringInput { AgeBand = "25 to 34" }));
        Assert.Equal("Select your age from the list", (await ErrorsAsync(validator, new JoinMonitoringModel.MonitoringInput { AgeBand = "12" }))["Input.AgeBand"]);
    }

    [Fact]
    public async Task A_validator_that_needs_the_pages_context_says_so_when_it_is_missing()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ErrorsAsync(new JoinInputValidator(), new JoinModel.JoinInput()));
        Assert.Contains("Rules", error.Message, StringComparison.Ordinal);
    }

    private static TermsInput Valid() => TermsInput.From(ValidContent());

    private static Content ValidContent() => new Content
    {
        WhoFor = "Psychologists",
        Purpose = "Share practice",
        Aims = "Learn",
        MeetingFrequencyMonths = 3,
        MeetingDurationMinutes = 120,
        ChairingArrangements = "A chair",
        NoteTakingArrangements = "The secretary",
        ParticipationExpectations = "Come to meetings",
    };

    private sealed class Content : TermsContent;
}
