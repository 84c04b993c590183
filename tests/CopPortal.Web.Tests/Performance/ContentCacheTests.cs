using System.Net;
using CopPortal.Domain.Caching;
using CopPortal.Domain.Forum;
using CopPortal.Domain.Minutes;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using static CopPortal.Web.Tests.Minutes.MinutesTestData;

namespace CopPortal.Web.Tests.Performance;

/// <summary>
/// Pages keep what every viewer sees alike (ContentCache) under the database's content version, which rises in the
/// commit of every change to what pages show. A change is shown at once: made on this server, on another server on
/// the same database, by SaveChanges or by ExecuteUpdate. Writes that change nothing shown leave the version alone,
/// and a rolled-back change does not count.
/// </summary>
public sealed class ContentCacheTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    private Task<long> VersionAsync() =>
        _portal.WithDbAsync(db => db.ContentVersions.AsNoTracking().Where(v => v.Id == ContentVersion.RowId).Select(v => v.Value).SingleAsync());

    [Fact]
    public async Task Content_changes_raise_the_version_and_other_writes_and_rollbacks_do_not()
    {
        var meetingId = await MeetingAsync(_portal, HeldAt, title: "Version check meeting");

        var before = await VersionAsync();
        await _portal.WithDbAsync(async db =>
        {
            var meeting = await db.Meetings.SingleAsync(m => m.Id == meetingId);
            meeting.Venue = "Room 2";
            await db.SaveChangesAsync();
        });
        var afterSave = await VersionAsync();
        Assert.True(afterSave > before, $"a saved change left the version at {afterSave}");

        await _portal.WithDbAsync(db => db.Meetings.Where(m => m.Id == meetingId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Venue, "Room 3")));
        var afterUpdate = await VersionAsync();
        Assert.True(afterUpdate > afterSave, "ExecuteUpdate left the version where it was");

        // A person's own read mark changes nothing anybody else is shown.
        await _portal.WithDbAsync(async db =>
        {
            var threadId = await db.ForumThreads.Select(t => t.Id).FirstAsync();
            var userId = await db.Users.Select(u => u.Id).FirstAsync();
            await db.ForumReadMarks.Where(r => r.ThreadId == threadId && r.UserId == userId).ExecuteDeleteAsync();
            db.ForumReadMarks.Add(new ForumReadMark { ThreadId = threadId, UserId = userId, LastReadPostId = 1 });
            await db.SaveChangesAsync();
        });
        Assert.Equal(afterUpdate, await VersionAsync());

        await _portal.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Meetings.Where(m => m.Id == meetingId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Venue, "Never saved"));
            await transaction.RollbackAsync();
        });
        Assert.Equal(afterUpdate, await VersionAsync());
        Assert.Equal("Room 3", await _portal.WithDbAsync(db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Venue).SingleAsync()));
    }

    [Fact]
    public async Task Minutes_shown_from_the_cache_follow_a_change_saved_on_another_server_at_once()
    {
        var meetingId = await MeetingAsync(_portal, HeldAt, title: "Two servers meeting");
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await secretary.SubmitFormAsync(MinutesUrl(meetingId), [], Form("Start"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PressAsync(secretary, MinutesUrl(meetingId), "#draft-form", "Save", ("Draft.Items[0].KeyPoints", "First wording of the point."))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PressAsync(secretary, MinutesUrl(meetingId), "#draft-form", "Submit")).StatusCode);
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await chair.SubmitFormAsync(MinutesUrl(meetingId), [], Form("Approve"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await secretary.SubmitFormAsync(MinutesUrl(meetingId), [], Form("Publish"))).StatusCode);

        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        // Twice: the second is served from what the first kept.
        Assert.Contains("First wording of the point.", (await member.GetPageAsync(MinutesUrl(meetingId))).MainText(), StringComparison.Ordinal);
        Assert.Contains("First wording of the point.", (await member.GetPageAsync(MinutesUrl(meetingId))).MainText(), StringComparison.Ordinal);

        // Another server on the same database changes the item (as a correction would) with its own cache.
        using (var second = new PortalFactory(_portal))
        {
            await second.WithDbAsync(async db =>
            {
                var item = await db.MinutesItems.Where(i => db.MeetingMinutes.Any(m => m.Id == i.MinutesId && m.MeetingId == meetingId)).OrderBy(i => i.Position).FirstAsync();
                item.KeyPoints = "Second wording, saved elsewhere.";
                await db.SaveChangesAsync();
            });
        }
        var page = (await member.GetPageAsync(MinutesUrl(meetingId))).MainText();
        Assert.Contains("Second wording, saved elsewhere.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("First wording of the point.", page, StringComparison.Ordinal);

        // A bulk update (no SaveChanges) shows at once too.
        await _portal.WithDbAsync(db => db.Meetings.Where(m => m.Id == meetingId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Title, "Renamed two servers meeting")));
        Assert.Contains("Minutes: Renamed two servers meeting", (await member.GetPageAsync(MinutesUrl(meetingId))).MainText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT \"m\".\"Id\" FROM \"Meetings\" AS \"m\" WHERE \"m\".\"UpdatedAt\" > @p", false)]
    [InlineData("INSERT INTO \"ForumPosts\" (\"Body\") VALUES (@p0) RETURNING \"Id\";", true)]
    [InlineData("UPDATE \"Meetings\" AS \"m\" SET \"Venue\" = @p", true)]
    [InlineData("SET IMPLICIT_TRANSACTIONS OFF; SET NOCOUNT ON; DELETE FROM [MinutesItems] OUTPUT 1 WHERE [Id] = @p0;", true)]
    [InlineData("INSERT INTO \"AuditEntries\" (\"Action\") VALUES (@p0); INSERT INTO \"OutboxMessages\" (\"Kind\") VALUES (@p1);", false)]
    [InlineData("UPDATE \"ContentVersions\" SET \"Value\" = \"Value\" + 1 WHERE \"Id\" = 1", false)]
    [InlineData("SELECT \"j\".\"Name\" FROM \"JobRuns\" AS \"j\" WHERE \"j\".\"Name\" = @p FOR UPDATE; UPDATE \"JobRuns\" SET \"LeasedUntil\" = @u", false)]
    [InlineData("INSERT INTO \"ForumReadMarks\" (\"ThreadId\") VALUES (@p0) ON CONFLICT DO NOTHING;", false)]
    [InlineData("INSERT INTO \"ForumReadMarks\" (\"ThreadId\") VALUES (@p0) ON CONFLICT (\"UserId\", \"ThreadId\") DO UPDATE SET \"LastReadPostId\" = 2;", false)]
    public void Tells_writes_to_shown_tables_from_other_commands(string sql, bool changesContent) =>
        Assert.Equal(changesContent, ContentChangeInterceptor.ChangesContent(sql));
}
