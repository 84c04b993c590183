using CopPortal.Domain.Joining;
using CopPortal.Web.Infrastructure.Database;
using CopPortal.Web.Pages.Staff;
using CopPortal.Domain.Links;

namespace CopPortal.Web.Tests.Joining;

/// <summary>
/// /staff/equality: aggregate only; small counts hidden with a second cell where one alone could be worked out;
/// every number rounded; figures released by whole months in steps of at least 10 responses.
/// </summary>
public sealed class EqualityReportTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    [Fact]
    public async Task Get_hides_a_lone_small_count_with_the_next_smallest_and_rounds_every_number_including_the_total()
    {
        var community = await _portal.CommunityAsync(JoiningTestData.Practitioners);
        // 17 answers in October: ages 9, 6 and 2. The 2 alone would be 17 - 9 - 6, so the 6 is hidden as well.
        await AddAsync(community.Id, new DateOnly(2026, 10, 20), ("25 to 34", 9), ("45 to 54", 6), ("65 or over", 2));
        // This month (November) has not ended, so its answers wait, even ten of them.
        await AddAsync(community.Id, new DateOnly(2026, 11, 2), ("25 to 34", 10));
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var page = await staff.GetPageAsync(PortalPaths.StaffEquality);

        var rows = Rows(page);
        Assert.Contains("25 to 34 | 10", rows);
        Assert.Contains("45 to 54 | not shown", rows);
        Assert.Contains("65 or over | not shown", rows);
        Assert.Contains("Not answered | 15", rows);
        // The total is rounded, not the exact 17: nothing on the page subtracts to a hidden count.
        Assert.Equal("Responses: 15", page.QuerySelector("#equality-total")!.TextContent.Trim());
        var numbers = System.Text.RegularExpressions.Regex.Matches(page.QuerySelector("main")!.TextContent, @"\b\d+\b").Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(17, numbers);
        Assert.DoesNotContain(rows, r => r.EndsWith("| 2", StringComparison.Ordinal) || r.EndsWith("| 6", StringComparison.Ordinal) || r.EndsWith("| 9", StringComparison.Ordinal));
        Assert.Equal("These figures cover answers given up to 31 October 2026.", page.QuerySelector("#equality-period")!.TextContent.Trim());

        var other = await _portal.CommunityAsync(JoiningTestData.Caps);
        var filtered = await staff.GetPageAsync($"/staff/equality?community={other.Id}");
        Assert.Null(filtered.QuerySelector("#equality-total"));
        Assert.Empty(filtered.QuerySelectorAll("main table"));
        Assert.Contains("not yet enough answers", filtered.QuerySelector("#equality-period")!.TextContent, StringComparison.Ordinal);

        // The community is typed as part of its name: one match shows its figures with its full name in the box.
        var byName = await staff.GetPageAsync("/staff/equality?community-name=" + Uri.EscapeDataString(community.Name.ToUpperInvariant()));
        Assert.Equal(community.Name, byName.QuerySelector("input#community")!.GetAttribute("value"));
        Assert.Contains("25 to 34 | 10", Rows(byName));
        Assert.Null(byName.QuerySelector("select#community"));
        // Several matches: a list to choose from and no figures until one is chosen; none: says so.
        var several = await staff.GetPageAsync("/staff/equality?community-name=psycholog");
        Assert.Contains("communities match", several.QuerySelector("#community-choice")!.TextContent, StringComparison.Ordinal);
        Assert.Null(several.QuerySelector("#equality-total"));
        var choice = several.QuerySelectorAll(".app-community-choices a").Single(a => a.TextContent.Trim() == community.Name).GetAttribute("href")!;
        Assert.Contains("25 to 34 | 10", Rows(await staff.GetPageAsync(choice)));
        var none = await staff.GetPageAsync("/staff/equality?community-name=zzzz");
        Assert.Contains("No community's name contains “zzzz”", none.QuerySelector("#community-choice")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(none.QuerySelectorAll("main table"));
    }

    [Fact]
    public async Task Get_moves_on_only_by_whole_months_and_steps_of_at_least_ten_so_two_snapshots_never_single_out_one_person()
    {
        var community = await _portal.CommunityAsync(JoiningTestData.Practitioners);
        await AddAsync(community.Id, new DateOnly(2026, 10, 5), ("25 to 34", 12));
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var before = await staff.GetPageAsync(PortalPaths.StaffEquality);
        Assert.Contains("25 to 34 | 10", Rows(before));

        // One person answers this month: nothing changes, now or after the month ends (a step needs 10).
        await AddAsync(community.Id, new DateOnly(2026, 11, 18), ("65 or over", 1));
        Assert.Equal(Rows(before), Rows(await staff.GetPageAsync(PortalPaths.StaffEquality)));
        _portal.Clock.Set(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
        staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var december = await staff.GetPageAsync(PortalPaths.StaffEquality);
        Assert.Equal(Rows(before), Rows(december));
        Assert.Contains("31 October 2026", december.QuerySelector("#equality-period")!.TextContent, StringComparison.Ordinal);

        // Nine more in November make a step of 10: the figures move on to the end of November, all at once.
        await AddAsync(community.Id, new DateOnly(2026, 11, 25), ("25 to 34", 5), ("35 to 44", 4));
        var after = await staff.GetPageAsync(PortalPaths.StaffEquality);
        Assert.Contains("These figures cover answers given up to 30 November 2026.", after.QuerySelector("#equality-period")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Responses: 20", after.QuerySelector("#equality-total")!.TextContent.Trim());
        Assert.Equal(["25 to 34 | 15", "35 to 44 | not shown", "65 or over | not shown"], Rows(after).Take(3));
    }

    [Fact]
    public void Suppress_hides_the_next_smallest_when_one_count_is_hidden()
    {
        var cells = EqualityModel.Suppress([("A", 20), ("B", 7), ("C", 6), ("D", 3)]);
        Assert.Equal(["A", "B"], cells.Where(c => !c.Suppressed).Select(c => c.Answer));
        Assert.Equal(["C", "D"], cells.Where(c => c.Suppressed).Select(c => c.Answer));
    }

    [Fact]
    public void Suppress_keeps_hiding_while_the_hidden_counts_add_up_to_under_5()
    {
        // 1 + 2 = 3 hidden would be exact from the total; the 8 goes too (hidden 11), the 30 stays.
        var cells = EqualityModel.Suppress([("A", 30), ("B", 8), ("C", 2), ("D", 1)]);
        Assert.Equal(["A"], cells.Where(c => !c.Suppressed).Select(c => c.Answer));
        // Two small counts that already add up to 5 or more need nothing else hidden.
        Assert.Equal(["A", "B"], EqualityModel.Suppress([("A", 30), ("B", 8), ("C", 3), ("D", 2)]).Where(c => !c.Suppressed).Select(c => c.Answer));
        // Nothing small, nothing hidden.
        Assert.DoesNotContain(EqualityModel.Suppress([("A", 30), ("B", 5)]), c => c.Suppressed);
    }

    [Theory]
    [InlineData(5, 5)]
    [InlineData(7, 5)]
    [InlineData(8, 10)]
    [InlineData(17, 15)]
    [InlineData(18, 20)]
    public void Round_goes_to_the_nearest_5(int count, int shown) => Assert.Equal(shown, EqualityModel.Round(count));

    private static List<string> Rows(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("main tbody tr").Select(tr => string.Join(" | ", tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))).ToList();

    private Task AddAsync(int communityId, DateOnly on, params (string AgeBand, int Count)[] groups) =>
        _portal.WithDbAsync(async db =>
        {
            foreach (var (ageBand, count) in groups)
            {
                for (var i = 0; i < count; i++)
                {
                    db.EqualityMonitoringResponses.Add(new EqualityMonitoringResponse { CommunityId = communityId, SubmittedOn = on, AgeBand = ageBand });
                }
            }
            await db.SaveChangesAsync();
        });
}
