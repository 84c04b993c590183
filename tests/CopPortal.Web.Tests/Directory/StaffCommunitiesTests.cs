using System.Net;
using CopPortal.Domain.Auditing;
using CopPortal.Domain.Communities;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using CopPortal.Domain.Links;

namespace CopPortal.Web.Tests.Directory;

public sealed class StaffCommunitiesTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private const string Manage = "/staff/communities/" + DirectoryTestData.Practitioners;
    private readonly PortalFactory _portal = shared.Fresh();

    [Theory]
    [InlineData("/staff/communities")]
    [InlineData("/staff/communities/new")]
    [InlineData("/staff/communities/template")]
    [InlineData(Manage)]
    [InlineData("/staff/proposals")]
    public async Task Get_staff_pages_are_refused_to_chairs_and_ask_anonymous_to_sign_in(string url)
    {
        DirectoryTestData.AssertSignInRedirect(await _portal.CreateBrowserClient().GetAsync(url));
        DirectoryTestData.AssertForbidden(await (await _portal.SignedInClientAsync(DemoData.ChairEmail)).GetAsync(url));
    }

    [Fact]
    public async Task Get_staff_communities_lists_every_community_with_its_status()
    {
        await _portal.UpdateCommunityAsync(DirectoryTestData.Cppo, c => c.Status = CommunityStatus.Archived);
        var page = await (await _portal.SignedInClientAsync(DemoData.StaffEmail)).GetPageAsync(PortalPaths.StaffCommunities);
        var rows = page.QuerySelectorAll("#all + table tbody tr").Select(r => r.QuerySelector("td")!.CellText().Trim() + " " + r.QuerySelector(".nhsuk-tag")!.TextContent.Trim()).ToList();
        Assert.Equal(6 - 1, rows.Count);
        Assert.Equal("Chief Psychological Professions Officers Archived", rows[^1]);
    }

    [Fact]
    public async Task Post_create_makes_a_draft_from_the_template_with_version_one()
    {
        var client = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var response = await client.SubmitFormAsync(PortalPaths.NewCommunity, Html.Form(
            ("Input.Name", "Psychologists in Primary Care"),
            ("Input.Slug", ""),
            ("Input.Summary", "For psychological professionals working in GP practices."),
            ("Input.MeetingFrequencyMonths", "2"),
            ("Input.MeetingDurationMinutes", "60")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/communities/psychologists-in-primary-care", response.Headers.Location!.OriginalString);

        var (community, version, template) = await _portal.WithDbAsync(async db =>
        {
            var c = await db.Communities.AsNoTracking().FirstAsync(x => x.Slug == "psychologists-in-primary-care");
            var v = await db.TermsVersions.AsNoTracking().SingleAsync(t => t.CommunityId == c.Id);
            var t = await db.TermsTemplates.AsNoTracking().SingleAsync();
            return (c, v, t);
        });
        Assert.Equal(CommunityStatus.Draft, community.Status);
        Assert.Equal(1, community.CurrentTermsVersion);
        Assert.Equal(2, community.MeetingFrequencyMonths);
        Assert.Equal(60, version.MeetingDurationMinutes);
        Assert.Equal(template.ChairingArrangements, version.ChairingArrangements);
        Assert.Equal(new DateOnly(2027, 11, 18), version.ReviewDueOn);
        Assert.Equal("First version, created from the network template.", version.ChangeSummary);

        // Drafts are not in the public directory.
        var directory = await _portal.CreateBrowserClient().GetPageAsync("/communities?q=primary");
        Assert.Contains("No communities match your search.", directory.MainText(), StringComparison.Ordinal);
        Assert.True(await _portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Community) && a.Action == "Added" && a.UserName == DemoData.StaffEmail)));

        var publish = await client.SubmitFormAsync("/staff/communities/psychologists-in-primary-care", [], "form[action*='handler=Status']", "change", "publish");
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.Equal(CommunityStatus.Active, (await _portal.CommunityAsync("psychologists-in-primary-care")).Status);
        var listed = await _portal.CreateBrowserClient().GetPageAsync("/communities?q=primary");
        Assert.Equal("Psychologists in Primary Care", listed.QuerySelector(".app-result-list h3 a")!.TextContent.Trim());
    }

    [Fact]
    public async Task Post_create_rejects_duplicate_names_in_any_case_and_bad_slugs()
    {
        var client = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var response = await client.SubmitFormAsync(PortalPaths.NewCommunity, Html.Form(
            ("Input.Name", "psychological PRACTITIONERS"),
            ("Input.Slug", "Bad Slug"),
            ("Input.Summary", ""),
            ("Input.MeetingFrequencyMonths", "0"),
            ("Input.MeetingDurationMinutes", "abc")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equivalent(
            new[]
            {
                "A community with this name already exists. Choose a different name",
                "Web address name must use only lower-case letters, numbers and single hyphens, and be 80 characters or fewer",
                "Enter a short summary of who the community is for",
                "Months between meetings must be between 1 and 12",
                "Meeting length must be a whole number of minutes, like 90",
            },
            (await Html.ParseAsync(response)).ErrorSummary(),
            strict: true);

        var taken = await client.SubmitFormAsync(PortalPaths.NewCommunity, Html.Form(
            ("Input.Name", "Something new"), ("Input.Slug", DirectoryTestData.Cppo), ("Input.Summary", "x")));
        Assert.Equal(["This web address name is already in use. Choose a different one"], (await Html.ParseAsync(taken)).ErrorSummary());
        Assert.Equal(5, await _portal.WithDbAsync(db => db.Communities.CountAsync()));
    }

    [Fact]
    public async Task Post_details_renames_and_keeps_search_in_step()
    {
        var client = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var response = await client.SubmitFormAsync(Manage, Html.Form(
            ("Details.Name", "Practitioner Professions"), ("Details.Slug", "practitioner-professions"), ("Details.Summary", "For the zebra-free practitioner professions.")), "form[action*='handler=Details']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/communities/practitioner-professions", response.Headers.Location!.OriginalString);
        var directory = await _portal.CreateBrowserClient().GetPageAsync("/communities?q=zebra-free");
        Assert.Equal("Practitioner Professions", directory.QuerySelector(".app-result-list h3 a")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Manage)).StatusCode);
    }

    [Fact]
    public async Task Post_archive_then_reopen_keeps_the_community_and_its_terms()
    {
        var members = (await _portal.CommunityAsync(DirectoryTestData.Practitioners)).MemberCount;
        Assert.True(members > 3, "the demo community has its core team and a crowd of members");
        var client = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var archive = await client.SubmitFormAsync(Manage, [], "form[action*='handler=Status']", "change", "archive");
        Assert.Equal(HttpStatusCode.Redirect, archive.StatusCode);
        var archived = await _portal.CommunityAsync(DirectoryTestData.Practitioners);
        Assert.Equal(CommunityStatus.Archived, archived.Status);
        Assert.Equal(_portal.Clock.GetUtcNow(), archived.ArchivedAt);
        Assert.Equal(members, archived.MemberCount);
        var page = await _portal.CreateBrowserClient().GetPageAsync("/communities/" + DirectoryTestData.Practitioners + "/terms");
        Assert.Contains("This community is archived", page.MainText(), StringComparison.Ordinal);

        await client.SubmitFormAsync(Manage, [], "form[action*='handler=Status']", "change", "reopen");
        var reopened = await _portal.CommunityAsync(DirectoryTestData.Practitioners);
        Assert.Equal(CommunityStatus.Active, reopened.Status);
        Assert.Null(reopened.ArchivedAt);
        Assert.Equal(members, await _portal.WithDbAsync(db => db.Memberships.CountAsync(m => m.CommunityId == reopened.Id)));
    }

    [Fact]
    public async Task Post_assign_and_remove_roles()
    {
        var members = (await _portal.CommunityAsync(DirectoryTestData.Practitioners)).MemberCount;
        var client = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var response = await client.SubmitFormAsync(Manage, Html.Form(("Assign.Email", "MEMBER@demo.nhs.uk"), ("Assign.Role", "CoChair")), "#assign-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetPageAsync("/communities/" + DirectoryTestData.Practitioners);
        var team = page.QuerySelectorAll("#core-team .nhsuk-summary-list__row").Select(r => System.Text.RegularExpressions.Regex.Replace(r.TextContent.Trim(), @"\s+", " ")).ToList();
        Assert.Equal(["Chair Hannah Whitfield", "Co-chair Aisha Begum", "Secretary Tomasz Nowak"], team);

        var newcomer = await client.SubmitFormAsync(Manage, Html.Form(("Assign.Email", DemoData.CouncilEmail), ("Assign.Role", "Secretary")), "#assign-form");
        Assert.Equal(HttpStatusCode.Redirect, newcomer.StatusCode);
        // The council member was not a member: giving them a role adds exactly one.
        Assert.Equal(members + 1, (await _portal.CommunityAsync(DirectoryTestData.Practitioners)).MemberCount);

        var chairId = await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.ChairEmail).Select(u => u.Id).SingleAsync());
        var removed = await client.SubmitFormAsync(Manage, Html.Form(("userId", chairId)), $"form[action*='handler=RemoveRole']:has(input[value='{chairId}'])");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var role = await _portal.WithDbAsync(db => db.Memberships.Where(m => m.UserId == chairId).Select(m => m.Role).SingleAsync());
        Assert.Equal(CommunityRole.Member, role);
        Assert.True(await _portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(CommunityMembership) && a.Action == "Modified" && a.Changes!.Contains("\"Chair\""))));
    }

    [Fact]
    public async Task Post_assign_to_unknown_email_or_without_role_shows_errors()
    {
        var client = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var response = await client.SubmitFormAsync(Manage, Html.Form(("Assign.Email", "nobody@nhs.net")), "#assign-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equivalent(new[] { "No one with this email address has an account. Ask them to register, or invite them first", "Select a role" }, page.ErrorSummary(), strict: true);
        Assert.Equal("Psychological Practitioners", page.QuerySelector("#Details_Name")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Post_open_and_close_a_vacancy()
    {
        var client = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var open = await client.SubmitFormAsync(Manage, Html.Form(("Vacancy.Role", "CoChair"), ("Vacancy.Description", "Two hours a quarter.")), "#vacancy-form");
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        var publicPage = await _portal.CreateBrowserClient().GetPageAsync("/communities/" + DirectoryTestData.Practitioners);
        Assert.Contains("This community is looking for a co-chair", publicPage.MainText(), StringComparison.Ordinal);

        var duplicate = await client.SubmitFormAsync(Manage, Html.Form(("Vacancy.Role", "CoChair")), "#vacancy-form");
        Assert.Equal(["This community is already looking for a co-chair"], (await Html.ParseAsync(duplicate)).ErrorSummary());

        var close = await client.SubmitFormAsync(Manage, [], "form[action*='handler=CloseVacancy']");
        Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);
        var after = await _portal.CreateBrowserClient().GetPageAsync("/communities/" + DirectoryTestData.Practitioners);
        Assert.DoesNotContain("looking for a co-chair", after.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_template_changes_what_new_communities_start_from()
    {
        var client = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var response = await client.SubmitFormAsync(PortalPaths.CommunityTemplate, Html.Form(("Input.ChairingArrangements", "Chaired by a member elected each year.")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var empty = await client.SubmitFormAsync(PortalPaths.CommunityTemplate, Html.Form(("Input.Purpose", "")));
        Assert.Equal(["Enter the community's purpose"], (await Html.ParseAsync(empty)).ErrorSummary());

        await client.SubmitFormAsync(PortalPaths.NewCommunity, Html.Form(("Input.Name", "Template Check"), ("Input.Summary", "Checking the template.")));
        var version = await _portal.WithDbAsync(db => db.TermsVersions.AsNoTracking().SingleAsync(t => t.Community!.Slug == "template-check"));
        Assert.Equal("Chaired by a member elected each year.", version.ChairingArrangements);
    }
}
