using CopPortal.Domain.Joining;
using CopPortal.Web.Infrastructure.Database;

namespace CopPortal.Web.Tests.Joining;

/// <summary>/staff/equality: aggregate only, with any number under 5 suppressed.</summary>
public sealed class EqualityReportTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    [Fact]
    public async Task Get_shows_counts_of_5_or_more_and_suppresses_smaller_ones()
    {
        var community = await _portal.CommunityAsync(JoiningTestData.Practitioners);
        await _portal.WithDbAsync(async db =>
        {
            for (var i = 0; i < 7; i++)
            {
                db.EqualityMonitoringResponses.Add(new EqualityMonitoringResponse
                {
                    CommunityId = community.Id,
                    SubmittedOn = new DateOnly(2026, 11, 18),
                    AgeBand = i < 6 ? "25 to 34" : "65 or over",
                    Sex = i < 2 ? "Male" : "Female",
                });
            }
            await db.SaveChangesAsync();
        });
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var page = await staff.GetPageAsync("/staff/equality");
        Assert.Equal("Responses: 7", page.QuerySelector("#equality-total")!.TextContent.Trim());
        var rows = page.QuerySelectorAll("main tbody tr").Select(tr => string.Join(" | ", tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))).ToList();
        Assert.Contains("25 to 34 | 6", rows);
        Assert.Contains("65 or over | fewer than 5", rows);
        Assert.Contains("Female | 5", rows);
        Assert.Contains("Male | fewer than 5", rows);
        Assert.DoesNotContain(rows, r => r.EndsWith("| 1", StringComparison.Ordinal) || r.EndsWith("| 2", StringComparison.Ordinal));

        var other = await _portal.CommunityAsync(JoiningTestData.Caps);
        var filtered = await staff.GetPageAsync($"/staff/equality?community={other.Id}");
        Assert.Equal("Responses: fewer than 5", filtered.QuerySelector("#equality-total")!.TextContent.Trim());
    }

    public void Dispose() => _portal.Dispose();
}
