using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Forum;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Infrastructure.Database;

/// <summary>
/// A few forum threads in every demo community, posted by its members through the real service: replies, some
/// Markdown, one pinned thread, one locked and one open report. The reply emails they would send are removed
/// (the crowd is fictional).
/// </summary>
public static class DemoForum
{
    public static async Task LoadAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<CopDbContext>();
        var forum = services.GetRequiredService<ForumService>();
        var outboxBefore = await db.OutboxMessages.Select(m => m.Id).ToListAsync();
        var communities = await db.Communities.AsNoTracking().Where(c => c.Status == CommunityStatus.Active).OrderBy(c => c.Id).ToListAsync();
        foreach (var community in communities)
        {
            // The core team first, then the longest-standing members.
            var people = await db.Memberships.AsNoTracking().Where(m => m.CommunityId == community.Id)
                .OrderByDescending(m => m.Role != CommunityRole.Member).ThenBy(m => m.JoinedAt).ThenBy(m => m.UserId)
                .Select(m => m.UserId).Take(4).ToListAsync();
            if (people.Count < 2)
            {
                continue;
            }
            string Person(int i) => people[i % people.Count];

            var welcome = await forum.StartThreadAsync(community.Id, Person(0), "Welcome: please introduce yourself",
                "Welcome to our forum. Please say hello and tell us:\n\n- your role and where you work\n- one thing you would like to get from this community\n\nRead the **ground rules** before you post.", Guid.NewGuid(), acceptsGroundRules: false);
            await ReplyAsync(forum, db, community, welcome.ThreadId, Person(1), "Hello everyone. I work in a primary care service and would like to share ideas about *group supervision*.");
            await ReplyAsync(forum, db, community, welcome.ThreadId, Person(2), "Hi all, looking forward to the next meeting.");
            await SetAsync(db, welcome.ThreadId, t => t.IsPinned = true);

            var resources = await forum.StartThreadAsync(community.Id, Person(1), "Useful resources for new starters",
                "Here are some resources our team found useful:\n\n1. The [NHS Talking Therapies manual](https://www.england.nhs.uk/publication/the-improving-access-to-psychological-therapies-manual/)\n2. Local induction checklists\n\n> Share yours below.", Guid.NewGuid(), acceptsGroundRules: false);
            var reported = await ReplyAsync(forum, db, community, resources.ThreadId, Person(2), "Our training company runs a course on this: message me for a discount code.");
            await ReplyAsync(forum, db, community, resources.ThreadId, Person(0), "Thanks. We also use a buddy system for the first month.");
            await forum.ReportAsync(reported, Person(3), "This looks like advertising, which the ground rules do not allow.");

            var closed = await forum.StartThreadAsync(community.Id, Person(2), "Meeting room for the spring meeting",
                "Does anyone know whether the room is booked for the spring meeting?", Guid.NewGuid(), acceptsGroundRules: false);
            await ReplyAsync(forum, db, community, closed.ThreadId, Person(0), "Yes, it is booked. The details are in the meeting invitation, so I have locked this thread.");
            await SetAsync(db, closed.ThreadId, t => t.IsLocked = true);
        }
        await db.OutboxMessages.Where(m => !outboxBefore.Contains(m.Id)).ExecuteDeleteAsync();
    }

    private static async Task<ForumPost> ReplyAsync(ForumService forum, CopDbContext db, Community community, int threadId, string userId, string body)
    {
        var thread = await db.ForumThreads.AsNoTracking().SingleAsync(t => t.Id == threadId);
        return await forum.ReplyAsync(community, thread, userId, body, Guid.NewGuid(), acceptsGroundRules: false);
    }

    private static async Task SetAsync(CopDbContext db, int threadId, Action<ForumThread> change)
    {
        var thread = await db.ForumThreads.SingleAsync(t => t.Id == threadId);
        change(thread);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
}
