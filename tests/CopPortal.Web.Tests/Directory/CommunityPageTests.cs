using System.Net;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Joining;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using CopPortal.Domain.Links;

namespace CopPortal.Web.Tests.Directory;

public sealed class CommunityPageTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();
    private const string Url = "/communities/" + DirectoryTestData.Practitioners;

    [Fact]
    public async Task Get_anonymous_sees_the_public_summary_core_team_and_request_to_join()
    {
        var page = await _portal.CreateBrowserClient().GetPageAsync(Url);
        Assert.Equal("Psychological Practitioners", page.QuerySelector("h1")!.TextContent.Trim());
        var text = page.MainText();
        Assert.Contains("Everyone who recognises themselves as part of the practitioner professions", text, StringComparison.Ordinal);
        Assert.Contains("Every 3 months, 2 hours", text, StringComparison.Ordinal);
        Assert.Contains("No meeting scheduled yet.", text, StringComparison.Ordinal);
        Assert.Contains("The secretary takes notes with actions", text, StringComparison.Ordinal);
        var team = page.QuerySelectorAll("#core-team .nhsuk-summary-list__row").Select(r => System.Text.RegularExpressions.Regex.Replace(r.TextContent.Trim(), @"\s+", " ")).ToList();
        Assert.Equal(["Chair Hannah Whitfield", "Secretary Tomasz Nowak"], team);
        Assert.Equal("Request to join", page.QuerySelector($"#membership a[href='{Url}/join']")!.TextContent.Trim());
        Assert.DoesNotContain("Members' area", text, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"a[href='{Url}/terms/edit']"));
    }

    [Fact]
    public async Task Get_member_sees_you_are_a_member_and_the_members_area()
    {
        var client = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var page = await client.GetPageAsync(Url);
        Assert.Equal("You are a member", page.QuerySelector("#membership h2")!.TextContent.Trim());
        Assert.Null(page.QuerySelector($"a[href='{Url}/join']"));
        Assert.Contains("Members' area", page.MainText(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"a[href='{Url}/terms/edit']"));
        Assert.Null(page.QuerySelector($"a[href='{Url}/terms/eligibility']"));
    }

    [Fact]
    public async Task Get_chair_sees_their_role_and_can_edit_the_terms_but_not_manage()
    {
        var client = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var page = await client.GetPageAsync(Url);
        Assert.Contains("You are on the core team as chair.", page.MainText(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='{Url}/terms/edit']"));
        Assert.NotNull(page.QuerySelector($"a[href='{Url}/terms/eligibility']"));
        Assert.Null(page.QuerySelector($"a[href='/staff/communities/{DirectoryTestData.Practitioners}']"));
    }

    [Fact]
    public async Task Get_staff_who_are_not_members_see_the_members_area_and_manage_link()
    {
        var client = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var page = await client.GetPageAsync(Url);
        Assert.Contains("Members' area", page.MainText(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/staff/communities/{DirectoryTestData.Practitioners}']"));
        Assert.NotNull(page.QuerySelector($"a[href='{Url}/join']"));
    }

    [Theory]
    [InlineData(JoinRequestStatus.Pending, "Your request is being considered")]
    [InlineData(JoinRequestStatus.InformationRequested, "We have asked you for more information")]
    [InlineData(JoinRequestStatus.WaitingList, "You are on the waiting list")]
    public async Task Get_with_an_open_join_request_shows_its_state_instead_of_the_button(JoinRequestStatus status, string heading)
    {
        await _portal.AddJoinRequestAsync(DirectoryTestData.Practitioners, DemoData.CouncilEmail, status);
        var client = await _portal.SignedInClientAsync(DemoData.CouncilEmail);
        var page = await client.GetPageAsync(Url);
        Assert.Equal(heading, page.QuerySelector("#membership h2")!.TextContent.Trim());
        Assert.Null(page.QuerySelector($"a[href='{Url}/join']"));
    }

    [Fact]
    public async Task Get_with_a_declined_request_offers_to_request_again()
    {
        await _portal.AddJoinRequestAsync(DirectoryTestData.Practitioners, DemoData.CouncilEmail, JoinRequestStatus.Declined);
        var client = await _portal.SignedInClientAsync(DemoData.CouncilEmail);
        var page = await client.GetPageAsync(Url);
        Assert.NotNull(page.QuerySelector($"#membership a[href='{Url}/join']"));
    }

    [Fact]
    public async Task Get_unknown_slug_is_a_404_page()
    {
        var response = await _portal.CreateBrowserClient().GetAsync("/communities/no-such-community");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", (await Html.ParseAsync(response)).QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Get_archived_community_says_so_and_has_no_join_button()
    {
        await _portal.UpdateCommunityAsync(DirectoryTestData.Practitioners, c => c.Status = CommunityStatus.Archived);
        var page = await _portal.CreateBrowserClient().GetPageAsync(Url);
        Assert.Contains("This community is archived", page.MainText(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"a[href='{Url}/join']"));
    }

    [Fact]
    public async Task Get_draft_community_is_hidden_from_the_public_but_visible_to_staff()
    {
        await _portal.UpdateCommunityAsync(DirectoryTestData.Practitioners, c => c.Status = CommunityStatus.Draft);
        Assert.Equal(HttpStatusCode.NotFound, (await _portal.CreateBrowserClient().GetAsync(Url)).StatusCode);
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var page = await staff.GetPageAsync(Url);
        Assert.Contains("This community is being set up", page.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_closed_application_window_shows_the_dates_and_no_button()
    {
        await _portal.UpdateCommunityAsync(DirectoryTestData.Practitioners, c =>
        {
            c.WindowOpens = new DateOnly(2026, 9, 1);
            c.WindowCloses = new DateOnly(2026, 9, 30);
        });
        var page = await _portal.CreateBrowserClient().GetPageAsync(Url);
        Assert.Equal("Applications closed on 30 September 2026", page.QuerySelector("#membership h2")!.TextContent.Trim());
        Assert.Null(page.QuerySelector($"a[href='{Url}/join']"));
    }

    [Fact]
    public async Task Get_full_community_still_offers_a_request_for_the_waiting_list()
    {
        await _portal.UpdateCommunityAsync(DirectoryTestData.Practitioners, c => c.Capacity = 3);
        var page = await _portal.CreateBrowserClient().GetPageAsync(Url);
        Assert.Equal("Full: you can join the waiting list", page.QuerySelector("#membership h2")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector($"a[href='{Url}/join']"));
    }

    [Fact]
    public async Task Get_html_in_the_name_and_terms_is_shown_as_text()
    {
        await _portal.PublishTermsAsync(DirectoryTestData.Practitioners, t => t.Purpose = "<img src=x onerror=alert(1)>");
        var html = await (await _portal.CreateBrowserClient().GetAsync(Url)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_vacancy_is_listed_with_an_interest_link()
    {
        var slug = "psychological-professionals-in-physical-healthcare";
        var page = await _portal.CreateBrowserClient().GetPageAsync(PortalPaths.Community(slug));
        Assert.Contains("This community is looking for a chair", page.MainText(), StringComparison.Ordinal);
        var vacancyId = await _portal.WithDbAsync(db => db.Vacancies.Where(v => v.Community!.Slug == slug).Select(v => v.Id).SingleAsync());
        Assert.NotNull(page.QuerySelector($"a[href='/communities/{slug}/vacancies/{vacancyId}/interest']"));
    }
}
