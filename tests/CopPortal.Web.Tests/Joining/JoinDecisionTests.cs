using System.Net;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Joining;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using CopPortal.Domain.Links;

namespace CopPortal.Web.Tests.Joining;

/// <summary>The review page's decisions, their emails, bulk approve and the waiting list.</summary>
public sealed class JoinDecisionTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private const string Applicant = "new.pwp@test.nhs.uk";
    private readonly PortalFactory _portal = shared.Fresh();

    [Fact]
    public async Task Get_review_shows_answers_beside_criteria_history_and_no_monitoring()
    {
        await _portal.CreateApplicantAsync(Applicant, "Alex Applicant", region: "North West");
        var id = await _portal.SubmitAsync(Applicant, JoiningTestData.Practitioners, a => a.NoLocalCoPExplanation = "Nothing like it in the North West");
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var page = await staff.GetPageAsync(PortalPaths.JoinRequestReview(id));
        var region = page.QuerySelectorAll("main table tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent == "Region").TextContent;
        Assert.Contains("North West (Nothing like it in the North West)", region, StringComparison.Ordinal);
        Assert.Contains("Needs judgement", region, StringComparison.Ordinal);
        Assert.Contains("Checked against version 1 of the Terms of Reference", page.MainText(), StringComparison.Ordinal);
        Assert.Contains("No other requests to join", page.MainText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/staff/join-requests/999999")).StatusCode);
    }

    [Fact]
    public async Task Get_review_lists_the_applicants_memberships_and_past_requests()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var old = await _portal.SubmitAsync(DemoData.MemberEmail, JoiningTestData.Caps);
        await member.SubmitFormAsync(PortalPaths.WithdrawRequest(old), []);
        var id = await _portal.SubmitAsync(DemoData.MemberEmail, JoiningTestData.Caps);
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var page = await staff.GetPageAsync(PortalPaths.JoinRequestReview(id));
        Assert.Contains("Psychological Practitioners (member)", page.MainText(), StringComparison.Ordinal);
        var past = page.QuerySelector($"a[href='/staff/join-requests/{old}']")!.ParentElement!.TextContent;
        Assert.Contains("Withdrawn", past, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_review_offers_the_decline_reasons_and_a_new_one_at_once_although_they_are_kept_in_memory()
    {
        await _portal.CreateApplicantAsync(Applicant, "Alex Applicant");
        var id = await _portal.SubmitAsync(Applicant, JoiningTestData.Practitioners);
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        static List<string> Reasons(AngleSharp.Dom.IDocument page) =>
            page.QuerySelectorAll("#decline-form input[name='Input.TemplateId']").Select(i => i.ParentElement!.TextContent.Trim()).ToList();

        var before = Reasons(await staff.GetPageAsync(PortalPaths.JoinRequestReview(id)));
        Assert.NotEmpty(before);
        Assert.DoesNotContain("Community is being reorganised", before);

        await _portal.WithDbAsync(async db =>
        {
            db.DeclineReasonTemplates.Add(new DeclineReasonTemplate { Title = "Community is being reorganised", Text = "We are reorganising this community.", SortOrder = 99 });
            await db.SaveChangesAsync();
        });

        var after = Reasons(await staff.GetPageAsync(PortalPaths.JoinRequestReview(id)));
        Assert.Equal([.. before, "Community is being reorganised"], after);
    }

    [Fact]
    public async Task Post_approve_creates_the_membership_and_emails_next_steps()
    {
        await _portal.CreateApplicantAsync(Applicant, "Alex Applicant");
        var id = await _portal.SubmitAsync(Applicant, JoiningTestData.Practitioners);
        var before = (await _portal.CommunityAsync(JoiningTestData.Practitioners)).MemberCount;
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);

        var response = await staff.SubmitFormAsync(PortalPaths.JoinRequestReview(id), [], "#approve-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var request = await _portal.RequestAsync(id);
        Assert.Equal(JoinRequestStatus.Approved, request.Status);
        Assert.NotNull(request.DecidedById);
        Assert.Equal(_portal.Clock.GetUtcNow(), request.DecidedAt);
        Assert.True(await _portal.IsMemberAsync(Applicant, JoiningTestData.Practitioners));
        Assert.Equal(before + 1, (await _portal.CommunityAsync(JoiningTestData.Practitioners)).MemberCount);
        var mail = Assert.Single(await _portal.OutboxAsync(), m => m.Kind == JoinRequestService.ApprovedEmail);
        Assert.Equal(Applicant, mail.ToAddress);
        Assert.Equal("Welcome to Psychological Practitioners", mail.Subject);
        Assert.Contains("/communities/psychological-practitioners/terms", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("core team will invite you to its next meetings", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("forum", mail.TextBody, StringComparison.Ordinal);
        Assert.True(await _portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "JoinRequest" && a.EntityId == id.ToString() && a.Changes!.Contains("Approved"))));

        // The review page now shows the decision instead of the decision forms.
        var review = await staff.GetPageAsync(PortalPaths.JoinRequestReview(id));
        Assert.Null(review.QuerySelector("#approve-form"));
        Assert.Contains("by Sam Okafor", review.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_decision_on_a_page_opened_before_someone_else_decided_is_refused()
    {
        await _portal.CreateApplicantAsync(Applicant);
        var id = await _portal.SubmitAsync(Applicant, JoiningTestData.Practitioners);
        var first = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var url = PortalPaths.JoinRequestReview(id);
        var stalePage = await first.GetPageAsync(url);
        await first.SubmitFormAsync(url, Html.Form(("Input.Question", "Which service do you work in?")), "#information-form");

        var response = await first.PostFormAsync((AngleSharp.Html.Dom.IHtmlFormElement)stalePage.QuerySelector("#approve-form")!, [], url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(JoinRequestStatus.InformationRequested, (await _portal.RequestAsync(id)).Status);
        Assert.False(await _portal.IsMemberAsync(Applicant, JoiningTestData.Practitioners));
    }

    [Fact]
    public async Task Post_decline_without_a_reason_is_an_error()
    {
        await _portal.CreateApplicantAsync(Applicant);
        var id = await _portal.SubmitAsync(Applicant, JoiningTestData.Practitioners);
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var response = await staff.SubmitFormAsync(PortalPaths.JoinRequestReview(id), [], "#decline-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Select a reason for declining, or write your own"], (await Html.ParseAsync(response)).ErrorSummary());
        Assert.Equal(JoinRequestStatus.Pending, (await _portal.RequestAsync(id)).Status);
    }

    [Fact]
    public async Task Get_review_suggests_communities_the_answers_meet_except_those_the_applicant_belongs_to()
    {
        // A CAP applying to the practitioners' community meets the CAP community's criteria.
        var applicant = await _portal.CreateApplicantAsync(Applicant, "Alex Applicant", profession: "CAP");
        var id = await _portal.SubmitAsync(Applicant, JoiningTestData.Practitioners);
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        static string Suggested(AngleSharp.Dom.IDocument page) => page.QuerySelector("main .nhsuk-inset-text")?.TextContent ?? "";
        Assert.Contains("Clinical Associate in Psychology", Suggested(await staff.GetPageAsync(PortalPaths.JoinRequestReview(id))), StringComparison.Ordinal);

        await _portal.WithServicesAsync(async services =>
        {
            var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<CopPortal.Domain.Data.CopDbContext>(services);
            var memberships = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<MembershipService>(services);
            var caps = await db.Communities.SingleAsync(c => c.Slug == JoiningTestData.Caps);
            await db.InTransactionAsync(async () =>
            {
                await memberships.AddOrSetRoleAsync(caps, applicant.Id, CommunityRole.Member);
                await db.SaveChangesAsync();
            });
        });

        var page = await staff.GetPageAsync(PortalPaths.JoinRequestReview(id));
        Assert.Contains("Clinical Associate in Psychology (member)", page.MainText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Clinical Associate in Psychology", Suggested(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suggestions_stop_at_ten_closest_fits_first_and_the_decline_email_links_to_every_community()
    {
        // Eleven more communities with the CAP community's criteria (they name the CAP profession), and one open to
        // every profession whose name sorts first: twelve profession fits, so the open one is not among the ten.
        await _portal.WithServicesAsync(async services =>
        {
            var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<CopPortal.Domain.Data.CopDbContext>(services);
            var terms = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<TermsService>(services);
            var caps = await db.Communities.SingleAsync(c => c.Slug == JoiningTestData.Caps);
            var current = (await terms.CurrentAsync(caps.Id))!;
            for (var i = 0; i <= 11; i++)
            {
                var (slug, name) = i == 0 ? ("aardvark-open-to-all", "Aardvark open to all") : ($"cap-copy-{i:00}", $"Zz CAP copy {i:00}");
                var community = new Community { Slug = slug, Name = name, Summary = "For suggestions.", Status = CommunityStatus.Active, CreatedAt = _portal.Clock.GetUtcNow() };
                db.Communities.Add(community);
                var version = await terms.PublishAsync(community, current, current.ReviewDueOn, "First version.", null);
                if (i == 0)
                {
                    version.Eligibility.ProfessionIds = [];
                }
                await db.SaveChangesAsync();
            }
        });
        await _portal.CreateApplicantAsync(Applicant, "Alex Applicant", profession: "CAP");
        var id = await _portal.SubmitAsync(Applicant, JoiningTestData.Practitioners);
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);

        var suggested = (await staff.GetPageAsync(PortalPaths.JoinRequestReview(id))).QuerySelector("#alternatives")!.TextContent;
        Assert.Contains($"meet the criteria of more than {JoinRequestService.MaxAlternatives} other communities, including: Clinical Associate in Psychology, Zz CAP copy 01,", suggested, StringComparison.Ordinal);
        Assert.Contains("Zz CAP copy 09.", suggested, StringComparison.Ordinal);
        Assert.DoesNotContain("Zz CAP copy 10", suggested, StringComparison.Ordinal);
        Assert.DoesNotContain("Aardvark", suggested, StringComparison.Ordinal);

        var template = await _portal.WithDbAsync(db => db.DeclineReasonTemplates.SingleAsync(t => t.Title == "Profession not covered"));
        await staff.SubmitFormAsync(PortalPaths.JoinRequestReview(id), Html.Form(("Input.TemplateId", template.Id.ToString()), ("Input.DeclineDetail", "Other communities fit better.")), "#decline-form");
        var mail = Assert.Single(await _portal.OutboxAsync(), m => m.Kind == JoinRequestService.DeclinedEmail);
        Assert.Equal(JoinRequestService.MaxAlternatives, mail.TextBody.Split('\n').Count(line => line.StartsWith("- ", StringComparison.Ordinal) && line.Contains("/join", StringComparison.Ordinal)));
        Assert.Contains("These are some you could ask to join", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("You can see every community at http://localhost/communities", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_decline_emails_the_reason_and_communities_the_answers_meet()
    {
        // A CAP applying to the practitioners' community: not eligible there, but meets the CAP community's criteria.
        await _portal.CreateApplicantAsync(Applicant, "Alex Applicant", profession: "CAP");
        var id = await _portal.SubmitAsync(Applicant, JoiningTestData.Practitioners);
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var template = await _portal.WithDbAsync(db => db.DeclineReasonTemplates.SingleAsync(t => t.Title == "Profession not covered"));

        var response = await staff.SubmitFormAsync(PortalPaths.JoinRequestReview(id), Html.Form(("Input.TemplateId", template.Id.ToString()), ("Input.DeclineDetail", "The CAP community is a better fit.")), "#decline-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var request = await _portal.RequestAsync(id);
        Assert.Equal(JoinRequestStatus.Declined, request.Status);
        Assert.Equal(template.Text + " The CAP community is a better fit.", request.DecisionReason);
        var mail = Assert.Single(await _portal.OutboxAsync(), m => m.Kind == JoinRequestService.DeclinedEmail);
        Assert.Contains("Why: " + template.Text, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("- Clinical Associate in Psychology: http://localhost/communities/clinical-associate-in-psychology/join", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Assistant Psychologists", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(PortalPaths.ProposeCommunity, mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ask_for_information_emails_a_link_and_the_answer_returns_the_request_to_the_queue()
    {
        await _portal.CreateApplicantAsync(Applicant, "Alex Applicant");
        var id = await _portal.SubmitAsync(Applicant, JoiningTestData.Practitioners);
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);

        var missing = await staff.SubmitFormAsync(PortalPaths.JoinRequestReview(id), [], "#information-form");
        Assert.Equal(["Enter what you would like the applicant to tell you"], (await Html.ParseAsync(missing)).ErrorSummary());

        await staff.SubmitFormAsync(PortalPaths.JoinRequestReview(id), Html.Form(("Input.Question", "Which service do you work in?")), "#information-form");
        Assert.Equal(JoinRequestStatus.InformationRequested, (await _portal.RequestAsync(id)).Status);
        var mail = Assert.Single(await _portal.OutboxAsync(), m => m.Kind == JoinRequestService.InformationRequestedEmail);
        Assert.Contains("Which service do you work in?", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"http://localhost/my/requests/{id}/respond", mail.TextBody, StringComparison.Ordinal);

        var applicant = await _portal.SignedInClientAsync(Applicant);
        var empty = await applicant.SubmitFormAsync(PortalPaths.RespondToRequest(id), Html.Form(("Input.Answer", " ")));
        Assert.Equal(["Enter your answer"], (await Html.ParseAsync(empty)).ErrorSummary());
        var answered = await applicant.SubmitFormAsync(PortalPaths.RespondToRequest(id), Html.Form(("Input.Answer", "Derby talking therapies")));
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);

        var request = await _portal.RequestAsync(id);
        Assert.Equal(JoinRequestStatus.Pending, request.Status);
        Assert.Equal("Derby talking therapies", request.InformationResponse);
        var queue = await staff.GetPageAsync("/staff/join-requests?status=pending");
        Assert.Contains("Alex Applicant", queue.MainText(), StringComparison.Ordinal);
        Assert.Contains("Derby talking therapies", (await staff.GetPageAsync(PortalPaths.JoinRequestReview(id))).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_bulk_approve_approves_exactly_the_all_met_requests_listed()
    {
        await _portal.CreateApplicantAsync(Applicant, "Alex Applicant");
        await _portal.SubmitAsync(Applicant, JoiningTestData.Practitioners);
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var confirm = await staff.GetPageAsync(PortalPaths.BulkApprove);
        Assert.Equal("Approve 4 requests?", confirm.QuerySelector("h1")!.TextContent.Trim());
        var listed = confirm.QuerySelectorAll("main tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["Grace Adeyemi", "Sophie Clarke", "Priya Patel", "Alex Applicant"], listed);

        // Someone arriving after the page was shown is not swept up by the POST.
        await _portal.CreateApplicantAsync("late@test.nhs.uk", "Late Arrival");
        var late = await _portal.SubmitAsync("late@test.nhs.uk", JoiningTestData.Practitioners);

        var response = await staff.PostFormAsync((AngleSharp.Html.Dom.IHtmlFormElement)confirm.QuerySelector("main form")!, [], PortalPaths.BulkApprove);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await _portal.IsMemberAsync(Applicant, JoiningTestData.Practitioners));
        Assert.True(await _portal.IsMemberAsync("priya.patel@demo.nhs.uk", JoiningTestData.Caps));
        Assert.Equal(JoinRequestStatus.Pending, (await _portal.RequestAsync(late)).Status);
        Assert.Equal(4, (await _portal.OutboxAsync()).Count(m => m.Kind == JoinRequestService.ApprovedEmail));
        Assert.Equal(0, await _portal.WithDbAsync(db => db.JoinRequests.CountAsync(r => r.Status == JoinRequestStatus.Approved && r.PrecheckOutcome != PrecheckOutcome.Met && r.DecidedAt == _portal.Clock.GetUtcNow())));
    }

    [Fact]
    public async Task Get_bulk_approve_respects_the_community_filter()
    {
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var caps = await _portal.CommunityAsync(JoiningTestData.Caps);
        var confirm = await staff.GetPageAsync($"/staff/join-requests/bulk-approve?community={caps.Id}");
        Assert.Equal(["Sophie Clarke", "Priya Patel"], confirm.QuerySelectorAll("main tbody tr td:first-child").Select(td => td.TextContent.Trim()));
    }

    [Fact]
    public async Task Post_approve_when_full_puts_people_on_an_ordered_waiting_list_and_a_freed_place_goes_to_the_first()
    {
        var community = await _portal.CommunityAsync(JoiningTestData.Practitioners);
        await _portal.SetCapacityAsync(JoiningTestData.Practitioners, community.MemberCount);
        await _portal.CreateApplicantAsync("first@test.nhs.uk", "First Waiting");
        await _portal.CreateApplicantAsync("second@test.nhs.uk", "Second Waiting");
        var first = await _portal.SubmitAsync("first@test.nhs.uk", JoiningTestData.Practitioners);
        var second = await _portal.SubmitAsync("second@test.nhs.uk", JoiningTestData.Practitioners);
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);

        await staff.SubmitFormAsync(PortalPaths.JoinRequestReview(first), [], "#approve-form");
        _portal.Clock.Advance(TimeSpan.FromMinutes(5));
        await staff.SubmitFormAsync(PortalPaths.JoinRequestReview(second), [], "#approve-form");

        Assert.Equal(JoinRequestStatus.WaitingList, (await _portal.RequestAsync(first)).Status);
        Assert.Equal(JoinRequestStatus.WaitingList, (await _portal.RequestAsync(second)).Status);
        Assert.False(await _portal.IsMemberAsync("first@test.nhs.uk", JoiningTestData.Practitioners));
        var waitingMails = (await _portal.OutboxAsync()).Where(m => m.Kind == JoinRequestService.WaitingListEmail).ToList();
        Assert.Contains("You are number 1 on the list", waitingMails.Single(m => m.ToAddress == "first@test.nhs.uk").TextBody, StringComparison.Ordinal);
        Assert.Contains("You are number 2 on the list", waitingMails.Single(m => m.ToAddress == "second@test.nhs.uk").TextBody, StringComparison.Ordinal);
        var secondMy = await (await _portal.SignedInClientAsync("second@test.nhs.uk")).GetPageAsync(PortalPaths.My);
        Assert.Contains("You are number 2 on the waiting list", secondMy.MainText(), StringComparison.Ordinal);

        // The demo member leaves: the first on the list gets the place.
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var left = await member.SubmitFormAsync(PortalPaths.LeaveCommunity(JoiningTestData.Practitioners), []);
        Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
        Assert.True(await _portal.IsMemberAsync("first@test.nhs.uk", JoiningTestData.Practitioners));
        Assert.False(await _portal.IsMemberAsync("second@test.nhs.uk", JoiningTestData.Practitioners));
        Assert.Equal(JoinRequestStatus.Approved, (await _portal.RequestAsync(first)).Status);
        var offered = Assert.Single(await _portal.OutboxAsync(), m => m.Kind == JoinRequestService.PlaceOfferedEmail);
        Assert.Equal("first@test.nhs.uk", offered.ToAddress);
    }
}
