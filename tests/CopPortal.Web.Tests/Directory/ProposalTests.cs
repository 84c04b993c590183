using System.Net;
using CopPortal.Domain.Communities;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using CopPortal.Domain.Links;

namespace CopPortal.Web.Tests.Directory;

public sealed class ProposalTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    private async Task<int> ProposeAsync(string name = "Psychologists in Primary Care")
    {
        var client = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var response = await client.SubmitFormAsync(PortalPaths.ProposeCommunity, Html.Form(
            ("Input.Name", name),
            ("Input.WhoFor", "Psychological professionals working in GP practices and primary care networks."),
            ("Input.Purpose", "Share models of <b>primary care</b> psychology."),
            ("Input.WhyNoExistingFits", "The existing communities are organised by profession, not setting."),
            ("Input.ChairVolunteers", "Aisha Begum"),
            ("Input.SecretaryVolunteers", "")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await _portal.WithDbAsync(db => db.Proposals.OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync());
    }

    [Fact]
    public async Task Get_propose_asks_anonymous_to_sign_in()
    {
        DirectoryTestData.AssertSignInRedirect(await _portal.CreateBrowserClient().GetAsync(PortalPaths.ProposeCommunity));
    }

    [Fact]
    public async Task Post_propose_records_it_and_tells_staff()
    {
        var id = await ProposeAsync();
        var proposal = await _portal.WithDbAsync(db => db.Proposals.Include(p => p.Proposer).SingleAsync(p => p.Id == id));
        Assert.Equal(ProposalStatus.Pending, proposal.Status);
        Assert.Equal(DemoData.MemberEmail, proposal.Proposer!.Email);
        Assert.Equal("Aisha Begum", proposal.ChairVolunteers);
        Assert.Null(proposal.SecretaryVolunteers);
        var mail = Assert.Single(await _portal.OutboxAsync());
        Assert.Equal(DemoData.StaffEmail, mail.ToAddress);
        Assert.Equal("New community proposal: Psychologists in Primary Care", mail.Subject);

        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var list = await staff.GetPageAsync(PortalPaths.StaffProposals);
        Assert.Equal("Psychologists in Primary Care", list.QuerySelector($"#waiting + table a[href='/staff/proposals/{id}']")!.TextContent.Trim());
        var detail = await staff.GetPageAsync(PortalPaths.ProposalDecision(id));
        Assert.Contains("Share models of <b>primary care</b> psychology.", detail.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_propose_twice_keeps_one_proposal()
    {
        await ProposeAsync();
        await ProposeAsync();
        Assert.Equal(1, await _portal.WithDbAsync(db => db.Proposals.CountAsync()));
    }

    [Fact]
    public async Task Post_propose_empty_shows_every_required_error()
    {
        var client = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var response = await client.SubmitFormAsync(PortalPaths.ProposeCommunity, Html.Form(("Input.Name", " ")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equivalent(
            new[] { "Enter a name for the community", "Enter who the community would be for", "Enter the community's purpose", "Enter why no existing community fits" },
            (await Html.ParseAsync(response)).ErrorSummary(),
            strict: true);
        Assert.Equal(0, await _portal.WithDbAsync(db => db.Proposals.CountAsync()));
    }

    [Fact]
    public async Task Post_accept_creates_a_draft_from_the_template_with_the_proposer_as_chair_and_emails_them()
    {
        var id = await ProposeAsync();
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var response = await staff.SubmitFormAsync(PortalPaths.ProposalDecision(id), [], "form[action*='handler=Accept']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/communities/psychologists-in-primary-care", response.Headers.Location!.OriginalString);

        var (proposal, community, terms, chairEmail) = await _portal.WithDbAsync(async db =>
        {
            var p = await db.Proposals.AsNoTracking().SingleAsync(x => x.Id == id);
            var c = await db.Communities.AsNoTracking().SingleAsync(x => x.Slug == "psychologists-in-primary-care");
            var t = await db.TermsVersions.AsNoTracking().SingleAsync(x => x.CommunityId == c.Id);
            var chair = await db.Memberships.Where(m => m.CommunityId == c.Id && m.Role == CommunityRole.Chair).Select(m => m.User!.Email).SingleAsync();
            return (p, c, t, chair);
        });
        Assert.Equal(ProposalStatus.Accepted, proposal.Status);
        Assert.Equal(community.Id, proposal.CreatedCommunityId);
        Assert.Equal(id, community.ProposalId);
        Assert.Equal(CommunityStatus.Draft, community.Status);
        Assert.Equal(1, community.MemberCount);
        Assert.Equal("Share models of <b>primary care</b> psychology.", terms.Purpose);
        Assert.Equal("Psychological professionals working in GP practices and primary care networks.", terms.WhoFor);
        Assert.Equal(DemoData.MemberEmail, chairEmail);

        var mail = (await _portal.OutboxAsync()).Single(m => m.Kind == "proposal.accepted");
        Assert.Equal(DemoData.MemberEmail, mail.ToAddress);
        Assert.Equal("Your proposal for Psychologists in Primary Care has been accepted", mail.Subject);
        Assert.Contains("/communities/psychologists-in-primary-care/terms", mail.TextBody, StringComparison.Ordinal);

        // The chair-designate can see the draft; the public cannot.
        var proposer = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var draft = await proposer.GetPageAsync("/communities/psychologists-in-primary-care");
        Assert.Contains("You are on the core team as chair.", draft.MainText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _portal.CreateBrowserClient().GetAsync("/communities/psychologists-in-primary-care")).StatusCode);

        var again = await staff.GetPageAsync(PortalPaths.ProposalDecision(id));
        Assert.Null(again.QuerySelector("form[action*='handler=Accept']"));
    }

    [Fact]
    public async Task Post_accept_when_the_name_is_taken_explains_and_changes_nothing()
    {
        var id = await ProposeAsync("Psychological Practitioners");
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var response = await staff.SubmitFormAsync(PortalPaths.ProposalDecision(id), [], "form[action*='handler=Accept']");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("A community called Psychological Practitioners already exists.", (await Html.ParseAsync(response)).ErrorSummary().Single(), StringComparison.Ordinal);
        Assert.Equal(ProposalStatus.Pending, await _portal.WithDbAsync(db => db.Proposals.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task Post_decline_needs_a_reason_and_emails_it_to_the_proposer()
    {
        var id = await ProposeAsync();
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var empty = await staff.SubmitFormAsync(PortalPaths.ProposalDecision(id), Html.Form(("Decline.Reason", "")), "#decline-form");
        Assert.Equal(["Enter the reason for declining. We send it to the proposer"], (await Html.ParseAsync(empty)).ErrorSummary());

        var response = await staff.SubmitFormAsync(PortalPaths.ProposalDecision(id), Html.Form(("Decline.Reason", "The Psychological Practitioners community already covers this.")), "#decline-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var proposal = await _portal.WithDbAsync(db => db.Proposals.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal(ProposalStatus.Declined, proposal.Status);
        Assert.Equal("The Psychological Practitioners community already covers this.", proposal.DeclineReason);
        var mail = (await _portal.OutboxAsync()).Single(m => m.Kind == "proposal.declined");
        Assert.Equal(DemoData.MemberEmail, mail.ToAddress);
        Assert.Contains("The reason: The Psychological Practitioners community already covers this.", mail.TextBody, StringComparison.Ordinal);

        // A second decision (e.g. a stale tab) is refused without a second email.
        var page = await staff.GetPageAsync(PortalPaths.ProposalDecision(id));
        Assert.Contains("Declined", page.MainText(), StringComparison.Ordinal);
        Assert.Equal(0, await _portal.WithDbAsync(db => db.Communities.CountAsync(c => c.Name == "Psychologists in Primary Care")));
    }

    [Fact]
    public async Task Get_unknown_proposal_is_404()
    {
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/staff/proposals/9999")).StatusCode);
    }
}
