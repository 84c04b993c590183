using System.Net;
using CopPortal.Web.Infrastructure.Database;
using CopPortal.Domain.Links;

namespace CopPortal.Web.Tests.Accounts;

public sealed class AccessTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    public static TheoryData<string> StaffPages { get; } =
    [
        PortalPaths.Staff, PortalPaths.StaffInvitations, PortalPaths.NewInvitation, PortalPaths.StaffEmailDomains, PortalPaths.StaffPeople, PortalPaths.StaffOutbox, PortalPaths.StaffAudit,
    ];

    private readonly PortalFactory _portal = shared.Fresh();

    [Theory]
    [MemberData(nameof(StaffPages))]
    public async Task Get_staff_page_anonymously_redirects_to_sign_in_with_return_url(string path)
    {
        var response = await _portal.CreateBrowserClient().GetAsync(path);
        Assert.Equal("/account/sign-in?ReturnUrl=" + Uri.EscapeDataString(path), AccountTestData.RedirectPath(response));
    }

    [Theory]
    [MemberData(nameof(StaffPages))]
    public async Task Get_staff_page_as_a_member_is_403(string path)
    {
        var client = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        await AssertForbiddenAsync(client, path);
    }

    [Fact]
    public async Task Get_council_as_a_member_is_403()
    {
        var client = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        await AssertForbiddenAsync(client, PortalPaths.Council);
    }

    [Fact]
    public async Task Council_member_can_see_the_council_page_but_not_staff_pages()
    {
        var client = await _portal.SignedInClientAsync(DemoData.CouncilEmail);
        var council = await client.GetPageAsync(PortalPaths.Council);
        Assert.Equal("Workforce Council", council.QuerySelector("h1")!.TextContent);
        Assert.NotNull(council.QuerySelector($"main a[href='{PortalPaths.CouncilEscalations}']"));
        Assert.NotNull(council.QuerySelector("main a[href='/communities']"));
        await AssertForbiddenAsync(client, PortalPaths.Staff);
        await AssertForbiddenAsync(client, PortalPaths.StaffPeople);
    }

    [Theory]
    [MemberData(nameof(StaffPages))]
    public async Task Get_staff_page_as_staff_is_200(string path)
    {
        var client = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        await client.GetPageAsync(path);
    }

    [Fact]
    public async Task Staff_dashboard_links_to_every_staff_area()
    {
        var client = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var page = await client.GetPageAsync(PortalPaths.Staff);
        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(
            [PortalPaths.StaffCommunities, PortalPaths.StaffProposals, PortalPaths.StaffJoinRequests, PortalPaths.StaffGroundRules, PortalPaths.StaffAgendaTemplates, PortalPaths.StaffReports, PortalPaths.StaffInvitations, PortalPaths.StaffPeople, PortalPaths.StaffEmailDomains, PortalPaths.StaffOutbox, PortalPaths.StaffAudit],
            links.Where(l => l!.StartsWith("/staff/", StringComparison.Ordinal)).ToList());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(PortalPaths.Council)).StatusCode);
    }

    [Fact]
    public async Task Get_access_denied_directly_is_403()
    {
        var response = await _portal.CreateBrowserClient().GetAsync(PortalPaths.AccessDenied);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("You do not have permission to view this page", (await Html.ParseAsync(response)).QuerySelector("h1")!.TextContent);
    }

    private static async Task AssertForbiddenAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var target = AccountTestData.RedirectPath(response);
        Assert.StartsWith("/account/access-denied?ReturnUrl=", target, StringComparison.Ordinal);
        var denied = await client.GetAsync(target);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("You do not have permission to view this page", (await Html.ParseAsync(denied)).QuerySelector("h1")!.TextContent);
    }
}
