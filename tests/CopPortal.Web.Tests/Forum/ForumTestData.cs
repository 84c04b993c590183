using System.Net;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Forum;
using CopPortal.Domain.Messaging;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopPortal.Web.Tests.Forum;

/// <summary>Posting through the real forms, as members do.</summary>
internal static class ForumTestData
{
    public const string Slug = DemoData.PractitionersSlug;
    public static string ForumUrl => $"/communities/{Slug}/forum";

    /// <summary>Starts a thread through the form (agreeing to the ground rules if asked); returns the thread's id.</summary>
    public static async Task<int> StartThreadAsync(HttpClient client, PortalFactory portal, string title, string body)
    {
        var response = await client.SubmitFormAsync(ForumUrl + "/new", Html.Form(("Input.Title", title), ("Input.Body", body), ("Input.AcceptGroundRules", "true")));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Starting a thread gave {(int)response.StatusCode}: {string.Join("; ", (await Html.ParseAsync(response)).ErrorSummary())}");
        return await portal.WithDbAsync(db => db.ForumThreads.Where(t => t.Title == title).Select(t => t.Id).SingleAsync());
    }

    public static string ThreadUrl(int threadId) => $"{ForumUrl}/threads/{threadId}";

    public static Task<HttpResponseMessage> ReplyAsync(HttpClient client, int threadId, string body) =>
        client.SubmitFormAsync(ThreadUrl(threadId), Html.Form(("Input.Body", body), ("Input.AcceptGroundRules", "true")), "#reply-form");

    public static Task<int> LastPostIdAsync(PortalFactory portal, int threadId) =>
        portal.WithDbAsync(db => db.ForumPosts.Where(p => p.ThreadId == threadId).MaxAsync(p => p.Id));

    /// <summary>Someone who belongs to another CoP but not to the practitioners' one.</summary>
    public static Task<string> MemberOfAnotherCommunityAsync(PortalFactory portal) =>
        portal.WithDbAsync(async db =>
        {
            var practitioners = await db.Communities.Where(c => c.Slug == Slug).Select(c => c.Id).SingleAsync();
            var inPractitioners = db.Memberships.Where(m => m.CommunityId == practitioners).Select(m => m.UserId);
            return await db.Memberships.Where(m => m.CommunityId != practitioners && !inPractitioners.Contains(m.UserId))
                .Select(m => m.User!.Email!).OrderBy(e => e).FirstAsync();
        });

    /// <summary>A thread in another CoP, made through the service.</summary>
    public static async Task<(string Slug, int ThreadId, int PostId)> ThreadInAnotherCommunityAsync(PortalFactory portal)
    {
        (string, int, int) made = default;
        await portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<CopDbContext>();
            var forum = services.GetRequiredService<ForumService>();
            var other = await db.Communities.Where(c => c.Slug != Slug && c.Status == CommunityStatus.Active).OrderBy(c => c.Slug).FirstAsync();
            var author = await db.Memberships.Where(m => m.CommunityId == other.Id).Select(m => m.UserId).FirstAsync();
            var post = await forum.StartThreadAsync(other.Id, author, "Secret elsewhere", "A confidential zebra conversation.", Guid.NewGuid(), acceptsGroundRules: false);
            made = (other.Slug, post.ThreadId, post.Id);
        });
        return made;
    }

    /// <summary>Refused as the portal refuses a signed-in person: 403, or the access-denied page.</summary>
    public static void AssertDenied(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal)),
            $"expected access denied, got {(int)response.StatusCode} {response.Headers.Location}");
    }

    public static Task<List<OutboxMessage>> ForumRepliesAsync(PortalFactory portal) =>
        portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Topic == EmailTopic.ForumReplies).ToListAsync());
}
