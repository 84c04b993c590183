using AngleSharp.Dom;
using CopPortal.Domain.Auditing;
using CopPortal.Web.Infrastructure.Database;
using CopPortal.Web.Pages.Staff;
using CopPortal.Domain.Links;

namespace CopPortal.Web.Tests.Accounts;

public sealed class AuditPageTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    [Fact]
    public async Task Get_audit_shows_a_profile_change_newest_first_with_readable_before_and_after()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        _portal.Clock.Advance(TimeSpan.FromMinutes(5));
        await member.SubmitFormAsync(PortalPaths.Profile, Html.Form(("Input.DisplayName", "Aisha B")));
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);

        var page = await staff.GetPageAsync("/staff/audit?entity=PortalUser&user=member%40demo");

        var rows = page.QuerySelectorAll("tbody tr");
        Assert.NotEmpty(rows);
        var newest = rows[0];
        Assert.Contains(DemoData.MemberEmail, newest.TextContent, StringComparison.Ordinal);
        Assert.Contains("Changed user account", newest.TextContent, StringComparison.Ordinal);
        var changes = newest.QuerySelectorAll(".app-changes dt").Zip(newest.QuerySelectorAll(".app-changes dd"), (dt, dd) => (dt.TextContent, dd.TextContent)).ToList();
        Assert.Contains(("Display name", "Aisha Begum → Aisha B"), changes);
        Assert.All(rows, r => Assert.Contains(DemoData.MemberEmail, r.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_audit_filtered_by_an_entity_type_shows_only_that_type()
    {
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var page = await staff.GetPageAsync("/staff/audit?entity=AllowedEmailDomain");
        var rows = page.QuerySelectorAll("tbody tr");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains("allowed email domain", r.TextContent, StringComparison.Ordinal));
        Assert.Equal("AllowedEmailDomain", page.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#entity")!.Value);
    }

    [Fact]
    public void Describe_turns_the_changes_json_into_lines()
    {
        var added = AuditModel.Describe(new AuditEntry { Action = "Added", Changes = """{"Domain":[null,"nhs.uk"],"Note":[null,null]}""" });
        Assert.Equal([new AuditModel.Change("Domain", "nhs.uk"), new AuditModel.Change("Note", "(empty)")], added);
        var deleted = AuditModel.Describe(new AuditEntry { Action = "Deleted", Changes = """{"Domain":["nhs.uk",null]}""" });
        Assert.Equal([new AuditModel.Change("Domain", "was nhs.uk")], deleted);
        var notJson = AuditModel.Describe(new AuditEntry { Action = "join-request.approve", Changes = "free text" });
        Assert.Equal([new AuditModel.Change("Details", "free text")], notJson);
    }
}
