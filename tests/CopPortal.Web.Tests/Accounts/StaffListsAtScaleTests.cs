using AngleSharp.Html.Dom;
using CopPortal.Domain.Auditing;
using CopPortal.Domain.Links;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Tests.Accounts;

/// <summary>
/// /staff/people and /staff/audit read only what they show: people are found through the indexed word table
/// (not a scan of every account's name), and the audit log is paged by position with a cached list of types.
/// </summary>
public sealed class StaffListsAtScaleTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    private static List<string> Names(IHtmlDocument page) =>
        page.QuerySelectorAll("tbody tr td:first-child").Select(td => td.CellText()).ToList();

    private static string People(string q) => PortalPaths.WithQuery(PortalPaths.StaffPeople, ("q", q));

    [Fact]
    public async Task People_are_found_by_the_start_of_any_word_of_their_name_or_their_address_and_follow_a_rename()
    {
        var user = await _portal.CreateUserAsync("wren.hollis@mft.nhs.uk", "Dr Wren Hollis-Quennell");
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);

        Assert.Equal(["Dr Wren Hollis-Quennell"], Names(await staff.GetPageAsync(People("quenn"))));
        Assert.Equal(["Dr Wren Hollis-Quennell"], Names(await staff.GetPageAsync(People("WREN holl"))));
        Assert.Equal(["Dr Wren Hollis-Quennell"], Names(await staff.GetPageAsync(People("wren.hollis@mft"))));
        // Not by the address's domain: nearly every account has "nhs" in it.
        Assert.Empty(Names(await staff.GetPageAsync(People("mft"))));

        // The words follow the account: the old name no longer finds them, the new one does.
        await _portal.WithDbAsync(async db =>
        {
            var account = await db.Users.SingleAsync(u => u.Id == user.Id);
            account.DisplayName = "Wren Achterberg";
            await db.SaveChangesAsync();
        });
        Assert.Empty(Names(await staff.GetPageAsync(People("quennell"))));
        Assert.Equal(["Wren Achterberg"], Names(await staff.GetPageAsync(People("achter"))));
    }

    [Fact]
    public async Task A_search_matching_more_people_than_are_shown_says_so_and_pages_through_the_shown_ones()
    {
        var max = CopPortal.Web.Pages.Staff.People.IndexModel.MaxMatches;
        await _portal.WithDbAsync(async db =>
        {
            for (var i = 0; i <= max; i++)
            {
                var email = $"plenty{i:000}@mft.nhs.uk";
                db.Users.Add(new CopPortal.Domain.People.PortalUser { UserName = email, Email = email, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant(), DisplayName = $"Pat Plentiful {i:000}", SecurityStamp = Guid.NewGuid().ToString() });
            }
            await db.SaveChangesAsync();
        });
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);

        var first = await staff.GetPageAsync(People("plentiful"));
        Assert.Contains($"More than {max} people match “plentiful”", first.QuerySelector("#more-than-shown")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"Showing 1 to 25 of {max}", first.MainText(), StringComparison.Ordinal);
        var names = Names(first);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        var last = await staff.GetPageAsync(People("plentiful") + "&p=" + (max / 25));
        Assert.Equal(25, Names(last).Count);

        // One more word narrows it to one person, and the notice goes.
        var one = await staff.GetPageAsync(People("plentiful 007"));
        Assert.Equal(["Pat Plentiful 007"], Names(one));
        Assert.Null(one.QuerySelector("#more-than-shown"));
    }

    [Fact]
    public async Task People_search_reads_the_word_table_not_the_names()
    {
        var user = await _portal.CreateUserAsync("quill@mft.nhs.uk", "Quentin Quill");
        // A name changed behind the portal's back (no words written): a search that scanned names would find it.
        await _portal.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, "Zebedee Quill")));
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);

        Assert.Empty(Names(await staff.GetPageAsync(People("zebedee"))));
        Assert.Equal(["Zebedee Quill"], Names(await staff.GetPageAsync(People("quentin"))));
    }

    [Fact]
    public async Task Accounts_made_before_the_word_table_get_their_words_once_at_start_up()
    {
        await _portal.WithDbAsync(db => db.PersonSearchTerms.ExecuteDeleteAsync());
        var users = await _portal.WithDbAsync(db => db.Users.CountAsync());

        Assert.Equal(users, await _portal.WithDbAsync(db => PersonSearchBackfill.RunAsync(db)));
        Assert.Equal(0, await _portal.WithDbAsync(db => PersonSearchBackfill.RunAsync(db)));
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        Assert.Equal(["Aisha Begum"], Names(await staff.GetPageAsync(People("aisha"))));
    }

    private async Task AddAuditAsync(string type, int count)
    {
        var now = _portal.Clock.GetUtcNow();
        await _portal.WithDbAsync(async db =>
        {
            db.AuditEntries.AddRange(Enumerable.Range(1, count).Select(i => new AuditEntry
            {
                OccurredAt = now.AddSeconds(i), UserName = "system", Action = "Modified", EntityType = type, EntityId = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }));
            await db.SaveChangesAsync();
        });
    }

    private static List<string> EntityIds(IHtmlDocument page) =>
        page.QuerySelectorAll("tbody tr .app-meta.app-break-word").Select(e => e.TextContent.Trim()).ToList();

    [Fact]
    public async Task The_audit_log_pages_newer_and_older_by_position_keeping_the_filter()
    {
        await AddAuditAsync("BenchThing", 65);
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);

        var first = await staff.GetPageAsync(PortalPaths.WithQuery(PortalPaths.StaffAudit, ("entity", "BenchThing")));
        Assert.Equal(Enumerable.Range(36, 30).Reverse().Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), EntityIds(first));
        Assert.Null(first.QuerySelector("a[rel=prev]"));
        var olderUrl = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.StartsWith("/staff/audit?entity=BenchThing&before=", olderUrl, StringComparison.Ordinal);

        var second = await staff.GetPageAsync(olderUrl);
        Assert.Equal(Enumerable.Range(6, 30).Reverse().Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), EntityIds(second));
        var third = await staff.GetPageAsync(second.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        Assert.Equal(["5", "4", "3", "2", "1"], EntityIds(third));
        Assert.Null(third.QuerySelector("a[rel=next]"));

        var back = await staff.GetPageAsync(third.QuerySelector("a[rel=prev]")!.GetAttribute("href")!);
        Assert.Equal(EntityIds(second), EntityIds(back));
        var backAgain = await staff.GetPageAsync(back.QuerySelector("a[rel=prev]")!.GetAttribute("href")!);
        Assert.Equal(EntityIds(first), EntityIds(backAgain));
        Assert.Null(backAgain.QuerySelector("a[rel=prev]"));
    }

    [Fact]
    public async Task The_audit_filters_types_are_read_once_and_again_after_MaxAge_or_when_a_shown_entry_has_a_new_type()
    {
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        static List<string> Types(IHtmlDocument page) => page.QuerySelectorAll("#entity option").Select(o => o.GetAttribute("value")!).ToList();
        var filtered = PortalPaths.WithQuery(PortalPaths.StaffAudit, ("entity", "AllowedEmailDomain"));
        Assert.DoesNotContain("ZedThing", Types(await staff.GetPageAsync(filtered)));

        await AddAuditAsync("ZedThing", 1);
        // Not on this filtered page, so the cached list stands until it is MaxAge old.
        Assert.DoesNotContain("ZedThing", Types(await staff.GetPageAsync(filtered)));
        _portal.Clock.Advance(AuditEntityTypes.MaxAge);
        Assert.Contains("ZedThing", Types(await staff.GetPageAsync(filtered)));

        // A type first seen in the rows shown is added at once.
        await AddAuditAsync("YakThing", 1);
        Assert.Contains("YakThing", Types(await staff.GetPageAsync(PortalPaths.StaffAudit)));
    }
}
