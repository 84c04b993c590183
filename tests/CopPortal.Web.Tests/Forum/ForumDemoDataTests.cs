using CopPortal.Domain.Communities;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Tests.Forum;

public sealed class ForumDemoDataTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    [Fact]
    public async Task Every_active_demo_community_has_threads_with_replies_markdown_a_pinned_and_a_locked_thread_and_an_open_report()
    {
        var forums = await _portal.WithDbAsync(db => db.Communities.AsNoTracking()
            .Where(c => c.Status == CommunityStatus.Active)
            .Select(c => new
            {
                c.Slug,
                WithReplies = db.ForumThreads.Count(t => t.CommunityId == c.Id && t.PostCount > 1),
                Pinned = db.ForumThreads.Count(t => t.CommunityId == c.Id && t.IsPinned),
                Locked = db.ForumThreads.Count(t => t.CommunityId == c.Id && t.IsLocked),
                OpenReports = db.ForumReports.Count(r => r.CommunityId == c.Id && r.ResolvedAt == null),
                Markdown = db.ForumPosts.Count(p => p.CommunityId == c.Id && (p.Body.Contains("**") || p.Body.Contains("](") || p.Body.Contains("\n- "))),
            })
            .ToListAsync());
        Assert.NotEmpty(forums);
        Assert.All(forums, f =>
        {
            Assert.True(f.WithReplies >= 2, $"{f.Slug}: {f.WithReplies} threads with replies");
            Assert.True(f.Pinned == 1, $"{f.Slug}: {f.Pinned} pinned");
            Assert.True(f.Locked == 1, $"{f.Slug}: {f.Locked} locked");
            Assert.True(f.OpenReports >= 1, $"{f.Slug}: {f.OpenReports} open reports");
            Assert.True(f.Markdown >= 1, $"{f.Slug}: no Markdown post");
        });
    }
}
