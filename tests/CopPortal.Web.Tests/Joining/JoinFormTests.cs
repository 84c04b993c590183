using System.Net;
using AngleSharp.Dom;
using CopPortal.Domain.Joining;
using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CopPortal.Domain.Links;

namespace CopPortal.Web.Tests.Joining;

/// <summary>/communities/{slug}/join: the form, its errors, windows, duplicates, and withdrawing from /my.</summary>
public sealed class JoinFormTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private const string JoinUrl = "/communities/psychological-practitioners/join";
    private readonly PortalFactory _portal = shared.Fresh();

    [Fact]
    public async Task Get_signed_out_redirects_to_sign_in()
    {
        var response = await _portal.CreateBrowserClient().GetAsync(JoinUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(PortalPaths.SignIn, response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_unknown_community_is_404()
    {
        var client = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/communities/no-such-community/join")).StatusCode);
    }

    [Fact]
    public async Task Get_form_is_built_from_the_criteria_and_prefilled_from_the_profile()
    {
        await _portal.CreateApplicantAsync("new.pwp@test.nhs.uk");
        var client = await _portal.SignedInClientAsync("new.pwp@test.nhs.uk");
        var page = await client.GetPageAsync(JoinUrl);
        Assert.Contains("Open to: Psychological Wellbeing Practitioner (PWP)", page.MainText(), StringComparison.Ordinal);
        Assert.Equal("Practitioner", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_JobTitle")!.Value);
        Assert.Equal("Midlands", page.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#Input_Region")!.Value);
        Assert.NotNull(page.QuerySelector("#Input_Declarations_0_"));
        Assert.NotNull(page.QuerySelector("#Input_QuestionAnswers_0_"));
        Assert.NotNull(page.QuerySelector("#Input_NoLocalCoPExplanation"));
    }

    [Fact]
    public async Task Post_missing_answers_shows_nhs_errors_and_saves_nothing()
    {
        await _portal.CreateApplicantAsync("new.pwp@test.nhs.uk");
        var client = await _portal.SignedInClientAsync("new.pwp@test.nhs.uk");
        var response = await client.SubmitFormAsync(JoinUrl, Html.Form(("Input.JobTitle", ""), ("Input.QuestionAnswers[0]", "")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(
            [
                "Enter your job title",
                "Select yes if you agree: I agree to follow the network's ground rules for meetings and the forum.",
                "Enter your answer to: What would you like to bring to, and gain from, the community?",
            ],
            page.ErrorSummary());
        Assert.Equal(0, await _portal.WithDbAsync(db => db.JoinRequests.CountAsync(r => r.Applicant!.Email == "new.pwp@test.nhs.uk")));
    }

    [Fact]
    public async Task Post_from_outside_the_region_without_saying_why_is_an_error()
    {
        await _portal.CreateApplicantAsync("new.pwp@test.nhs.uk", region: "North West");
        var client = await _portal.SignedInClientAsync("new.pwp@test.nhs.uk");
        var response = await client.SubmitFormAsync(JoinUrl, Html.Form(("Input.Declarations[0]", "true"), ("Input.QuestionAnswers[0]", "Supervision ideas")));
        var page = await Html.ParseAsync(response);
        Assert.Equal(["Tell us whether there is a similar community in your own region"], page.ErrorSummary());
    }

    [Fact]
    public async Task Post_complete_form_records_the_request_with_its_precheck_and_emails_the_applicant()
    {
        await _portal.CreateApplicantAsync("new.pwp@test.nhs.uk", "Alex Applicant");
        var client = await _portal.SignedInClientAsync("new.pwp@test.nhs.uk");
        var response = await client.SubmitFormAsync(JoinUrl, Html.Form(("Input.Declarations[0]", "true"), ("Input.QuestionAnswers[0]", "Supervision <b>ideas</b>")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/communities/psychological-practitioners/join/monitoring", response.Headers.Location!.OriginalString);

        var request = await _portal.WithDbAsync(db => db.JoinRequests.Include(r => r.TermsVersion).SingleAsync(r => r.Applicant!.Email == "new.pwp@test.nhs.uk"));
        Assert.Equal(JoinRequestStatus.Pending, request.Status);
        Assert.Equal(PrecheckOutcome.Met, request.PrecheckOutcome);
        Assert.Equal(1, request.TermsVersion!.VersionNumber);
        Assert.Equal(new DateOnly(2026, 11, 16), request.SubmittedWeekOf);
        Assert.Equal(["Profession", "Career stage", "Region", "Declaration: I agree to follow the network's ground rules for meetings and the forum."], request.PrecheckResults.Select(r => r.Criterion));
        Assert.Equal("Supervision <b>ideas</b>", request.Answers.QuestionAnswers[0]);

        var mail = Assert.Single(await _portal.OutboxAsync(), m => m.Kind == JoinRequestService.ReceivedEmail && m.ToAddress == "new.pwp@test.nhs.uk");
        Assert.Equal("We have received your request to join Psychological Practitioners", mail.Subject);
        Assert.Contains(PortalPaths.My, mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_clinical_psychologist_is_accepted_but_prechecked_not_met()
    {
        await _portal.CreateApplicantAsync("psychologist@test.nhs.uk", profession: "Clinical Psychologist");
        var client = await _portal.SignedInClientAsync("psychologist@test.nhs.uk");
        await client.SubmitFormAsync(JoinUrl, Html.Form(("Input.Declarations[0]", "true"), ("Input.QuestionAnswers[0]", "Ideas")));
        var request = await _portal.WithDbAsync(db => db.JoinRequests.SingleAsync(r => r.Applicant!.Email == "psychologist@test.nhs.uk"));
        Assert.Equal(PrecheckOutcome.NotMet, request.PrecheckOutcome);
        Assert.Contains(request.PrecheckResults, r => r.Reason == "Clinical Psychologist is not one of the professions this community is for");
    }

    [Fact]
    public async Task Get_with_an_open_request_says_so_and_post_does_not_duplicate()
    {
        await _portal.CreateApplicantAsync("new.pwp@test.nhs.uk");
        await _portal.SubmitAsync("new.pwp@test.nhs.uk", JoiningTestData.Practitioners);
        var client = await _portal.SignedInClientAsync("new.pwp@test.nhs.uk");
        var page = await client.GetPageAsync(JoinUrl);
        Assert.Contains("You can only have one request for each community at a time", page.MainText(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main form"));
        Assert.Equal(1, await _portal.WithDbAsync(db => db.JoinRequests.CountAsync(r => r.Applicant!.Email == "new.pwp@test.nhs.uk")));
    }

    [Fact]
    public async Task Post_second_submission_of_the_same_form_shows_a_friendly_message()
    {
        await _portal.CreateApplicantAsync("new.pwp@test.nhs.uk");
        var client = await _portal.SignedInClientAsync("new.pwp@test.nhs.uk");
        var form = await client.GetPageAsync(JoinUrl);
        var formElement = (AngleSharp.Html.Dom.IHtmlFormElement)form.QuerySelector("main form")!;
        var fields = Html.Form(("Input.Declarations[0]", "true"), ("Input.QuestionAnswers[0]", "Ideas"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(formElement, fields, JoinUrl)).StatusCode);
        var second = await client.PostFormAsync(formElement, fields, JoinUrl);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("You can only have one request for each community at a time", (await Html.ParseAsync(second)).MainText(), StringComparison.Ordinal);
        Assert.Equal(1, await _portal.WithDbAsync(db => db.JoinRequests.CountAsync(r => r.Applicant!.Email == "new.pwp@test.nhs.uk")));
    }

    [Fact]
    public async Task Get_member_is_told_they_already_belong()
    {
        var client = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var page = await client.GetPageAsync(JoinUrl);
        Assert.Contains("You are already a member of Psychological Practitioners", page.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_before_the_window_opens_says_when_it_opens()
    {
        await SetWindowAsync(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31));
        await _portal.CreateApplicantAsync("new.pwp@test.nhs.uk");
        var client = await _portal.SignedInClientAsync("new.pwp@test.nhs.uk");
        var page = await client.GetPageAsync(JoinUrl);
        Assert.Contains("Applications to join Psychological Practitioners open on 1 December 2026 and close on 31 December 2026.", page.MainText(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main form"));
    }

    [Fact]
    public async Task Get_after_the_window_closed_says_so_and_offers_no_form()
    {
        await SetWindowAsync(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31));
        await _portal.CreateApplicantAsync("new.pwp@test.nhs.uk");
        var client = await _portal.SignedInClientAsync("new.pwp@test.nhs.uk");
        var page = await client.GetPageAsync(JoinUrl);
        Assert.Contains("Applications to join Psychological Practitioners closed on 31 October 2026.", page.MainText(), StringComparison.Ordinal);
        var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("main input[name=__RequestVerificationToken]")?.Value;
        Assert.Null(token);
        Assert.Equal(0, await _portal.WithDbAsync(db => db.JoinRequests.CountAsync(r => r.Applicant!.Email == "new.pwp@test.nhs.uk")));
    }

    [Fact]
    public async Task Post_withdraw_from_my_page_withdraws_and_allows_a_new_request()
    {
        await _portal.CreateApplicantAsync("new.pwp@test.nhs.uk");
        var id = await _portal.SubmitAsync("new.pwp@test.nhs.uk", JoiningTestData.Practitioners);
        var client = await _portal.SignedInClientAsync("new.pwp@test.nhs.uk");
        var my = await client.GetPageAsync(PortalPaths.My);
        Assert.NotNull(my.QuerySelector($"a[href='/my/requests/{id}/withdraw']"));
        Assert.Contains("Pending", my.MainText(), StringComparison.Ordinal);

        var response = await client.SubmitFormAsync(PortalPaths.WithdrawRequest(id), []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(JoinRequestStatus.Withdrawn, (await _portal.RequestAsync(id)).Status);
        Assert.Contains("Withdrawn", (await client.GetPageAsync(PortalPaths.My)).MainText(), StringComparison.Ordinal);
        Assert.NotNull((await client.GetPageAsync(JoinUrl)).QuerySelector("main form"));
    }

    [Fact]
    public async Task Get_withdraw_for_someone_elses_request_is_404()
    {
        await _portal.CreateApplicantAsync("new.pwp@test.nhs.uk");
        var id = await _portal.SubmitAsync("new.pwp@test.nhs.uk", JoiningTestData.Practitioners);
        var other = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(PortalPaths.WithdrawRequest(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(PortalPaths.RespondToRequest(id))).StatusCode);
    }

    [Fact]
    public async Task Post_after_a_decline_the_applicant_may_apply_again()
    {
        await _portal.CreateApplicantAsync("new.pwp@test.nhs.uk");
        var id = await _portal.SubmitAsync("new.pwp@test.nhs.uk", JoiningTestData.Practitioners);
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        await staff.SubmitFormAsync(PortalPaths.JoinRequestReview(id), Html.Form(("Input.DeclineDetail", "We need to see your registration.")), "#decline-form");
        Assert.Equal(JoinRequestStatus.Declined, (await _portal.RequestAsync(id)).Status);

        var client = await _portal.SignedInClientAsync("new.pwp@test.nhs.uk");
        var response = await client.SubmitFormAsync(JoinUrl, Html.Form(("Input.Declarations[0]", "true"), ("Input.QuestionAnswers[0]", "Ideas")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(2, await _portal.WithDbAsync(db => db.JoinRequests.CountAsync(r => r.Applicant!.Email == "new.pwp@test.nhs.uk")));
    }

    [Fact]
    public async Task Post_equality_monitoring_is_stored_without_any_link_to_the_person()
    {
        await _portal.CreateApplicantAsync("new.pwp@test.nhs.uk");
        var client = await _portal.SignedInClientAsync("new.pwp@test.nhs.uk");
        await client.SubmitFormAsync(JoinUrl, Html.Form(("Input.Declarations[0]", "true"), ("Input.QuestionAnswers[0]", "Ideas")));
        var response = await client.SubmitFormAsync("/communities/psychological-practitioners/join/monitoring", Html.Form(("Input.AgeBand", "25 to 34"), ("Input.Sex", "Prefer not to say")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = Assert.Single(await _portal.WithDbAsync(db => db.EqualityMonitoringResponses.ToListAsync()));
        Assert.Equal("25 to 34", stored.AgeBand);
        Assert.Equal("Prefer not to say", stored.Sex);

        // Reviewers never see it.
        var id = await _portal.WithDbAsync(db => db.JoinRequests.Where(r => r.Applicant!.Email == "new.pwp@test.nhs.uk").Select(r => r.Id).SingleAsync());
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        Assert.DoesNotContain("25 to 34", (await staff.GetPageAsync(PortalPaths.JoinRequestReview(id))).MainText(), StringComparison.Ordinal);

        // The form is offered once per request: going back to it sends the person to /my.
        var again = await client.GetAsync("/communities/psychological-practitioners/join/monitoring");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    private Task SetWindowAsync(DateOnly opens, DateOnly closes) =>
        _portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<CopPortal.Domain.Data.CopDbContext>();
            var terms = services.GetRequiredService<CopPortal.Domain.Communities.TermsService>();
            var community = await db.Communities.SingleAsync(c => c.Slug == JoiningTestData.Practitioners);
            var current = (await terms.CurrentAsync(community.Id))!;
            var content = new CopPortal.Domain.Communities.TermsVersion();
            content.CopyContentFrom(current);
            content.Eligibility.Window = new ApplicationWindow { Opens = opens, Closes = closes };
            await terms.PublishAsync(community, content, current.ReviewDueOn, "Application window", null);
            await db.SaveChangesAsync();
        });
}
