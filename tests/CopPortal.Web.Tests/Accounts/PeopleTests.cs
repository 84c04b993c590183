using System.Net;
using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure.Database;
using CopPortal.Web.Pages.Staff.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CopPortal.Domain.Links;

namespace CopPortal.Web.Tests.Accounts;

public sealed class PeopleTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    private Task<string> IdOfAsync(string email) =>
        _portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private async Task<IList<string>> RolesOfAsync(string email)
    {
        IList<string> roles = [];
        await _portal.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            roles = await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
        });
        return roles;
    }

    [Fact]
    public async Task Get_search_finds_people_by_name_or_email_case_insensitively()
    {
        var client = await _portal.SignedInClientAsync(DemoData.StaffEmail);

        var byName = await client.GetPageAsync("/staff/people?q=aisha");
        Assert.Equal(["Aisha Begum"], byName.QuerySelectorAll("tbody tr td:first-child").Select(td => td.CellText()).ToList());

        var byEmail = await client.GetPageAsync("/staff/people?q=COUNCIL@demo");
        Assert.Equal(["Dr Priya Raman"], byEmail.QuerySelectorAll("tbody tr td:first-child").Select(td => td.CellText()).ToList());
        Assert.Contains("Council member", byEmail.QuerySelector("tbody tr")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Network staff", byEmail.QuerySelector("tbody tr")!.TextContent, StringComparison.Ordinal);
        var staffRoles = (await client.GetPageAsync("/staff/people?q=staff@demo")).QuerySelectorAll("tbody tr .nhsuk-tag--blue").Select(t => t.TextContent.Trim()).ToList();
        Assert.Equal(["Network staff"], staffRoles);

        // Words in any order, the longer one first or not: the same person.
        Assert.Equal(["Dr Priya Raman"], (await client.GetPageAsync("/staff/people?q=raman%20pri")).QuerySelectorAll("tbody tr td:first-child").Select(td => td.CellText()).ToList());
        Assert.Equal(["Dr Priya Raman"], (await client.GetPageAsync("/staff/people?q=pr%20raman")).QuerySelectorAll("tbody tr td:first-child").Select(td => td.CellText()).ToList());

        var none = await client.GetPageAsync("/staff/people?q=zzz-nobody");
        Assert.Contains("No people match your search", none.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_people_paginates_25_at_a_time_and_keeps_the_search()
    {
        for (var i = 0; i < 27; i++)
        {
            await _portal.CreateUserAsync($"pager{i:00}@nhs.net", $"Pager Person {i:00}");
        }
        var client = await _portal.SignedInClientAsync(DemoData.StaffEmail);

        var first = await client.GetPageAsync("/staff/people?q=pager");
        Assert.Equal(25, first.QuerySelectorAll("tbody tr").Length);
        Assert.Equal("/staff/people?q=pager&p=2", first.QuerySelector("a.nhsuk-pagination__link--next")!.GetAttribute("href"));

        var second = await client.GetPageAsync("/staff/people?q=pager&p=2");
        Assert.Equal(["Pager Person 25", "Pager Person 26"], second.QuerySelectorAll("tbody tr td:first-child").Select(td => td.CellText()).ToList());
        Assert.Contains("Showing 26 to 27 of 27", second.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_pages_namesakes_without_overlap_each_person_once()
    {
        for (var i = 0; i < 27; i++)
        {
            await _portal.CreateUserAsync($"namesake{i:00}@nhs.net", "Jo Namesake");
        }
        var client = await _portal.SignedInClientAsync(DemoData.StaffEmail);

        var first = await client.GetPageAsync("/staff/people?q=namesake");
        var second = await client.GetPageAsync("/staff/people?q=namesake&p=2");
        static List<string> Emails(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelectorAll("tbody tr td:nth-child(2)").Select(td => td.CellText()).ToList();
        var listed = Emails(first).Concat(Emails(second)).ToList();
        Assert.Equal(25, Emails(first).Count);
        Assert.Equal(27, listed.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Enumerable.Range(0, 27).Select(i => $"namesake{i:00}@nhs.net").Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Post_grant_and_remove_council_role()
    {
        var client = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var memberId = await IdOfAsync(DemoData.MemberEmail);
        var url = PortalPaths.StaffPerson(memberId);

        var grant = await client.SubmitFormAsync(url, [], $"form[action*='handler=Grant'][data-role='{NetworkRoles.CouncilMember}']");
        Assert.Equal(url, AccountTestData.RedirectPath(grant));
        Assert.Equal([NetworkRoles.CouncilMember], await RolesOfAsync(DemoData.MemberEmail));
        var staffId = await IdOfAsync(DemoData.StaffEmail);
        var audit = await _portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "role.grant"));
        Assert.Equal((staffId, memberId, "{\"Role\":[null,\"CouncilMember\"]}"), (audit.UserId, audit.EntityId, audit.Changes));

        // The member now reaches the council page after signing in again.
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(PortalPaths.Council)).StatusCode);

        var remove = await client.SubmitFormAsync(url, [], $"form[action*='handler=Remove'][data-role='{NetworkRoles.CouncilMember}']");
        Assert.Equal(url, AccountTestData.RedirectPath(remove));
        Assert.Empty(await RolesOfAsync(DemoData.MemberEmail));
        Assert.True(await _portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "role.remove" && a.EntityId == memberId && a.UserId == staffId)));
    }

    [Fact]
    public async Task Post_grant_network_staff_role_lets_them_into_staff_pages()
    {
        var client = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var url = PortalPaths.StaffPerson(await IdOfAsync(DemoData.ChairEmail));
        await client.SubmitFormAsync(url, [], $"form[action*='handler=Grant'][data-role='{NetworkRoles.NetworkStaff}']");

        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        Assert.Equal(HttpStatusCode.OK, (await chair.GetAsync(PortalPaths.StaffPeople)).StatusCode);
    }

    [Fact]
    public async Task Post_remove_own_network_staff_role_is_refused()
    {
        var client = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var url = PortalPaths.StaffPerson(await IdOfAsync(DemoData.StaffEmail));

        var response = await client.SubmitFormAsync(url, [], $"form[action*='handler=Remove'][data-role='{NetworkRoles.NetworkStaff}']");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([PersonModel.CannotRemoveOwnStaffRole], (await Html.ParseAsync(response)).ErrorSummary());
        Assert.Contains(NetworkRoles.NetworkStaff, await RolesOfAsync(DemoData.StaffEmail));
    }

    [Fact]
    public async Task Get_unknown_person_is_404()
    {
        var client = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/staff/people/no-such-id")).StatusCode);
    }
}
