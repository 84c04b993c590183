using System.Net;
using CopPortal.Domain.Escalations;
using CopPortal.Domain.Meetings;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopPortal.Web.Tests.Escalations;

internal static class EscalationTestData
{
    public const string Practitioners = DemoData.PractitionersSlug;
    public const string Students = "assistant-psychologists-and-psychology-students";

    public static string ReportUrl(int meetingId, string slug = Practitioners) => $"/communities/{slug}/meetings/{meetingId}/report";

    /// <summary>A meeting of the CoP, created directly in the database, that started <paramref name="daysAgo"/> days before the test clock's now.</summary>
    public static Task<int> MeetingAsync(this PortalFactory portal, string slug = Practitioners, double daysAgo = 2, string title = "Monthly meeting") =>
        portal.WithDbAsync(async db =>
        {
            var community = await db.Communities.FirstAsync(c => c.Slug == slug);
            var starts = portal.Clock.GetUtcNow().AddDays(-daysAgo);
            var meeting = new Meeting
            {
                CommunityId = community.Id,
                Title = title,
                StartsAt = starts,
                EndsAt = starts.AddHours(1),
                CalendarUid = Guid.NewGuid().ToString("N") + "@test",
                CreatedAt = starts.AddDays(-30),
                UpdatedAt = starts.AddDays(-30),
            };
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            return meeting.Id;
        });

    /// <summary>
    /// A submitted report with the given points (category, kind, title), made directly in the database as if
    /// submitted at the clock's now. Returns the points' ids in order.
    /// </summary>
    public static Task<List<int>> SubmittedReportAsync(this PortalFactory portal, int meetingId, params (TripleACategory Category, PointKind Kind, string Title)[] points) =>
        portal.WithDbAsync(async db =>
        {
            var meeting = await db.Meetings.FirstAsync(m => m.Id == meetingId);
            var now = portal.Clock.GetUtcNow();
            var report = new TripleAReport
            {
                CommunityId = meeting.CommunityId,
                MeetingId = meetingId,
                Content = "We discussed supervision capacity.",
                Status = ReportStatus.Submitted,
                CreatedAt = now,
                UpdatedAt = now,
                SubmittedAt = now,
            };
            foreach (var (category, kind, title) in points)
            {
                report.Points.Add(new EscalationPoint
                {
                    CommunityId = meeting.CommunityId,
                    Category = category,
                    Kind = kind,
                    Title = title,
                    Detail = "Confidential detail about " + title,
                    Status = PointStatus.Submitted,
                    SubmittedAt = now,
                });
            }
            db.TripleAReports.Add(report);
            await db.SaveChangesAsync();
            return report.Points.Select(p => p.Id).ToList();
        });

    /// <summary>A draft report (not submitted) for a meeting, with one Advise point, made directly in the database.</summary>
    public static Task<int> DraftReportAsync(this PortalFactory portal, int meetingId, string pointTitle = "Draft point") =>
        portal.WithDbAsync(async db =>
        {
            var meeting = await db.Meetings.FirstAsync(m => m.Id == meetingId);
            var now = portal.Clock.GetUtcNow();
            var report = new TripleAReport { CommunityId = meeting.CommunityId, MeetingId = meetingId, Content = "Draft content", CreatedAt = now, UpdatedAt = now };
            report.Points.Add(new EscalationPoint { CommunityId = meeting.CommunityId, Category = TripleACategory.Advise, Title = pointTitle, Detail = "Draft detail" });
            db.TripleAReports.Add(report);
            await db.SaveChangesAsync();
            return report.Id;
        });

    /// <summary>Signs in a new person who chairs the Students CoP and has no role in Practitioners.</summary>
    public static async Task<HttpClient> OtherCommunitysChairAsync(this PortalFactory portal, string email = "other.chair@nhs.net")
    {
        var otherChair = await portal.CreateUserAsync(email, "Olive Otherchair");
        await portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<CopPortal.Domain.Data.CopDbContext>();
            var students = await db.Communities.FirstAsync(c => c.Slug == Students);
            await db.InTransactionAsync(async () =>
            {
                await services.GetRequiredService<CopPortal.Domain.Communities.MembershipService>().AddOrSetRoleAsync(students, otherChair.Id, CopPortal.Domain.Communities.CommunityRole.Chair);
                await db.SaveChangesAsync();
            });
        });
        return await portal.SignedInClientAsync(email);
    }

    /// <summary>Removes every report (the demo network's included), so figures can be checked against known data.</summary>
    public static Task ClearReportsAsync(this PortalFactory portal) =>
        portal.WithDbAsync(async db =>
        {
            await db.ReportComments.ExecuteDeleteAsync();
            await db.EscalationPoints.ExecuteDeleteAsync();
            await db.TripleAReports.ExecuteDeleteAsync();
            await db.ReportReminders.ExecuteDeleteAsync();
            // Bulk deletes bypass SaveChanges, which is what drops the council's kept counts.
            portal.Services.GetRequiredService<CopPortal.Domain.Caching.AggregateCache>().Changed();
        });

    public static Task<EscalationPoint> PointAsync(this PortalFactory portal, int id) =>
        portal.WithDbAsync(db => db.EscalationPoints.AsNoTracking().Include(p => p.Destination).FirstAsync(p => p.Id == id));

    public static void AssertForbidden(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        Assert.True(
            response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && location.Contains("/account/access-denied", StringComparison.Ordinal)),
            $"Expected 403, got {(int)response.StatusCode} {location}");
    }

    /// <summary>Posts to a page's handler with the antiforgery token of the page's first form (for buttons a page does not show).</summary>
    public static async Task<HttpResponseMessage> PostHandlerAsync(this HttpClient client, string url, string handler, params (string Name, string Value)[] fields)
    {
        var page = await client.GetPageAsync(url);
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var values = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        var query = string.Concat(fields.Where(f => f.Name == "pointId").Select(f => "&pointId=" + f.Value));
        return await client.PostAsync($"{url}?handler={handler}{query}", new FormUrlEncodedContent(values));
    }

    public static string Form(string handler) => $"main form[action*='handler={handler}']";
}
