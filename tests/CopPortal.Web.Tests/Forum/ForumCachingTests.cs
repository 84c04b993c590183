using System.Net;
using AngleSharp.Dom;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Forum;
using CopPortal.Domain.Links;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CopPortal.Web.Tests.Forum.ForumTestData;

namespace CopPortal.Web.Tests.Forum;

/// <summary>
/// The forum's list, search and thread pages keep what every reader sees alike (ContentCache data and &lt;cache&gt;
/// markup). Each test views a page so that it is kept, changes what it shows behind it (through the app, by
/// SaveChanges or by ExecuteUpdate) and views it again; and views one kept page as different people, who each see
/// their own links, unread markers and watching state.
/// </summary>
public sealed class ForumCachingTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    private static string[] Bodies(IDocument page) =>
        page.QuerySelectorAll(".app-forum-post__body").Select(b => b.TextContent.Trim()).ToArray();

    /// <summary>The edit, remove and report links under the posts, in page order.</summary>
    private static string[] PostLinks(IDocument page) =>
        page.QuerySelectorAll(".app-forum-post__actions a").Select(a => a.GetAttribute("href")!).Where(h => !h.Contains("quote=", StringComparison.Ordinal)).ToArray();

    private static IElement Row(IDocument list, string title) =>
        list.QuerySelectorAll(".app-forum-thread").Single(r => r.QuerySelector("a")!.TextContent == title);

    /// <summary>Members of the CoP who are neither core team nor the demo's member, by email.</summary>
    private Task<List<string>> CrowdAsync(int count) => _portal.WithDbAsync(db => db.Memberships
        .Where(m => m.Community!.Slug == Slug && m.Role == CommunityRole.Member && m.User!.Email != DemoData.MemberEmail)
        .Select(m => m.User!.Email!).OrderBy(e => e).Take(count).ToListAsync());

    [Fact]
    public async Task A_kept_thread_page_follows_a_reply_an_edit_a_removal_and_a_lock_made_by_others()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var id = await StartThreadAsync(member, _portal, "Kept thread", "Opening post.");
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        // Twice: the second view is served from what the first kept.
        Assert.Equal(["Opening post."], Bodies(await chair.GetPageAsync(ThreadUrl(id))));
        Assert.Equal(["Opening post."], Bodies(await chair.GetPageAsync(ThreadUrl(id))));

        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await ReplyAsync(secretary, id, "The secretary's reply.")).StatusCode);
        Assert.Equal(["Opening post.", "The secretary's reply."], Bodies(await chair.GetPageAsync(ThreadUrl(id))));

        // Edited by a bulk update, not SaveChanges.
        var replyId = await LastPostIdAsync(_portal, id);
        await _portal.WithDbAsync(db => db.ForumPosts.Where(p => p.Id == replyId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Body, "The reply, edited.")));
        Assert.Equal(["Opening post.", "The reply, edited."], Bodies(await chair.GetPageAsync(ThreadUrl(id))));

        await _portal.WithDbAsync(async db =>
        {
            var reply = await db.ForumPosts.SingleAsync(p => p.Id == replyId);
            reply.RemovedAt = _portal.Clock.GetUtcNow();
            reply.RemovedReason = "It named a patient";
            await db.SaveChangesAsync();
        });
        var page = await chair.GetPageAsync(ThreadUrl(id));
        Assert.Equal(["Opening post."], Bodies(page));
        Assert.Contains("Removed by a moderator: It named a patient", page.MainText(), StringComparison.Ordinal);
        Assert.DoesNotContain("The reply, edited.", page.MainText(), StringComparison.Ordinal);

        // Locked and renamed: the quote links inside the kept posts go with the reply form.
        Assert.NotNull(page.QuerySelector(".app-forum-post__actions a[href*='quote=']"));
        await _portal.WithDbAsync(db => db.ForumThreads.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.IsLocked, true).SetProperty(t => t.Title, "Kept thread, locked")));
        page = await member.GetPageAsync(ThreadUrl(id));
        Assert.Equal("Kept thread, locked", page.QuerySelector("h1")!.TextContent);
        Assert.Null(page.QuerySelector(".app-forum-post__actions a[href*='quote=']"));
        Assert.Null(page.QuerySelector("#reply-form"));
    }

    [Fact]
    public async Task The_kept_reply_form_never_carries_one_readers_quote_refused_text_or_ground_rules_step_to_another()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var id = await StartThreadAsync(member, _portal, "Kept reply form", "Opening post.");
        var postId = await LastPostIdAsync(_portal, id);
        static string Typed(IDocument page) => page.QuerySelector("#reply-form textarea[name='Input.Body']")!.TextContent;
        static bool AsksForGroundRules(IDocument page) => page.QuerySelector("#reply-form input[name='Input.AcceptGroundRules']") is not null;

        // The author has agreed to the ground rules; someone who has never posted has not. Each view twice, so the
        // second is served from what the first kept.
        var newcomer = await _portal.SignedInClientAsync((await CrowdAsync(1))[0]);
        for (var view = 0; view < 2; view++)
        {
            Assert.False(AsksForGroundRules(await member.GetPageAsync(ThreadUrl(id))));
            Assert.True(AsksForGroundRules(await newcomer.GetPageAsync(ThreadUrl(id))));
        }

        // A quote fills this reader's form only.
        var quoted = await newcomer.GetPageAsync(PortalPaths.WithQuery(ThreadUrl(id), ("quote", postId.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Contains("Opening post.", Typed(quoted), StringComparison.Ordinal);
        Assert.Equal("", Typed(await member.GetPageAsync(ThreadUrl(id))).Trim());
        Assert.Equal("", Typed(await newcomer.GetPageAsync(ThreadUrl(id))).Trim());

        // A refused reply keeps its text and shows its error, and neither outlives it.
        var refused = await newcomer.SubmitFormAsync(ThreadUrl(id), Html.Form(("Input.Body", "My words, kept for me")), "#reply-form");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await Html.ParseAsync(refused);
        Assert.Equal(["Confirm that you agree to the ground rules"], refusedPage.ErrorSummary());
        Assert.Equal("My words, kept for me", Typed(refusedPage).Trim());
        Assert.NotNull(refusedPage.QuerySelector("#reply-form .nhsuk-form-group--error"));
        foreach (var reader in new[] { newcomer, member })
        {
            var again = await reader.GetPageAsync(ThreadUrl(id));
            Assert.Equal("", Typed(again).Trim());
            Assert.Empty(again.ErrorSummary());
            Assert.Null(again.QuerySelector("#reply-form .nhsuk-form-group--error"));
        }
    }

    [Fact]
    public async Task Each_page_of_a_kept_thread_shows_its_own_posts()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var id = await StartThreadAsync(member, _portal, "Kept pages", "Post 1.");
        await RepliesAsync(id, DemoData.ChairEmail, Enumerable.Range(2, ForumService.PostsPerPage).Select(i => $"Post {i}."));
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        Assert.Equal("Post 1.", Bodies(await secretary.GetPageAsync(ThreadUrl(id)))[0]);
        Assert.Equal(["Post 21."], Bodies(await secretary.GetPageAsync(ThreadUrl(id) + "?p=2")));
        Assert.Equal("Post 1.", Bodies(await secretary.GetPageAsync(ThreadUrl(id) + "?p=1"))[0]);
    }

    [Fact]
    public async Task Readers_of_one_kept_thread_page_each_see_their_own_links_and_only_moderators_a_removed_posts_files()
    {
        var crowd = await CrowdAsync(2);
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var author = await _portal.SignedInClientAsync(crowd[0]);
        var bystander = await _portal.SignedInClientAsync(crowd[1]);
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var id = await StartThreadAsync(member, _portal, "Whose links", "The member's post.");
        var first = await LastPostIdAsync(_portal, id);
        Assert.Equal(HttpStatusCode.Redirect, (await ReplyAsync(author, id, "The crowd member's reply.")).StatusCode);
        var second = await LastPostIdAsync(_portal, id);
        Assert.Equal(HttpStatusCode.Redirect, (await ReplyAsync(author, id, "A reply with a file, then removed.")).StatusCode);
        var removed = await LastPostIdAsync(_portal, id);
        var fileId = await _portal.WithDbAsync(async db =>
        {
            var post = await db.ForumPosts.SingleAsync(p => p.Id == removed);
            var file = new ForumAttachment
            {
                PostId = removed, CommunityId = post.CommunityId, StoredName = Guid.NewGuid().ToString("N"), FileName = "patient-notes.txt",
                ContentType = "text/plain", Length = 10, CreatedAt = _portal.Clock.GetUtcNow(), UploadedById = post.AuthorId,
            };
            db.ForumAttachments.Add(file);
            post.RemovedAt = _portal.Clock.GetUtcNow();
            post.RemovedReason = "It named a patient";
            await db.SaveChangesAsync();
            return file.Id;
        });
        string Edit(int post) => PortalPaths.EditForumPost(Slug, post);
        string Remove(int post) => PortalPaths.RemoveForumPost(Slug, post);
        string Report(int post) => PortalPaths.ReportForumPost(Slug, post);
        var fileLink = $"a[href='{PortalPaths.ForumAttachment(Slug, fileId)}']";

        // Readers in turn, the moderator in the middle, so that each could be served what the one before kept.
        foreach (var (reader, links, seesFile) in new (HttpClient, string[], bool)[]
        {
            (bystander, [Report(first), Report(second)], false),
            (author, [Report(first), Edit(second)], false),
            (chair, [Edit(first), Remove(first), Report(first), Edit(second), Remove(second), Report(second)], true),
            (member, [Edit(first), Report(second)], false),
            (bystander, [Report(first), Report(second)], false),
        })
        {
            var page = await reader.GetPageAsync(ThreadUrl(id));
            Assert.Equal(links, PostLinks(page));
            Assert.Equal(seesFile, page.QuerySelector(fileLink) is not null);
        }
    }

    [Fact]
    public async Task The_kept_thread_list_follows_new_threads_replies_and_renames_and_keeps_each_readers_unread_markers()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var id = await StartThreadAsync(member, _portal, "Listed thread", "Start.");
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        static string Posts(IElement row) => row.QuerySelector(".nhsuk-table__cell--numeric")!.TextContent.Trim();
        static bool Unread(IElement row) => row.ClassList.Contains("app-forum-thread--unread");

        Assert.True(Unread(Row(await chair.GetPageAsync(ForumUrl), "Listed thread")));
        Assert.True(Unread(Row(await secretary.GetPageAsync(ForumUrl), "Listed thread")));

        // The chair reads it: theirs is read, the secretary's (the same rows) still new.
        await chair.GetPageAsync(ThreadUrl(id));
        Assert.False(Unread(Row(await chair.GetPageAsync(ForumUrl), "Listed thread")));
        Assert.True(Unread(Row(await secretary.GetPageAsync(ForumUrl), "Listed thread")));
        Assert.False(Unread(Row(await chair.GetPageAsync(ForumUrl), "Listed thread")));

        Assert.Equal(HttpStatusCode.Redirect, (await ReplyAsync(member, id, "A second post.")).StatusCode);
        var row = Row(await chair.GetPageAsync(ForumUrl), "Listed thread");
        Assert.Equal("2", Posts(row));
        Assert.True(Unread(row));

        await _portal.WithDbAsync(db => db.ForumThreads.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Title, "Listed thread, renamed")));
        Assert.Equal("2", Posts(Row(await secretary.GetPageAsync(ForumUrl), "Listed thread, renamed")));

        static int Total(IDocument page) =>
            int.Parse(System.Text.RegularExpressions.Regex.Match(page.MainText(), @"Showing \d+ to \d+ of (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var before = Total(await chair.GetPageAsync(ForumUrl));
        await StartThreadAsync(member, _portal, "Another listed thread", "Start.");
        var after = await chair.GetPageAsync(ForumUrl);
        Assert.Equal(before + 1, Total(after));
        Assert.Equal("1", Posts(Row(after, "Another listed thread")));
    }

    [Fact]
    public async Task Kept_search_results_follow_new_edited_and_removed_posts_and_each_search_and_page_has_its_own()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        // Made-up words, so the demo forum's posts cannot match.
        var id = await StartThreadAsync(member, _portal, "Kept search", "First quokkaz.");
        async Task<string[]> FindAsync(string words, int page = 1) =>
            (await chair.GetPageAsync(PortalPaths.WithQuery(ForumUrl, ("q", words), ("p", page.ToString(System.Globalization.CultureInfo.InvariantCulture)))))
            .QuerySelectorAll(".app-result-list li p.nhsuk-body-s").Select(p => p.TextContent).ToArray();

        Assert.Equal(["First quokkaz."], await FindAsync("quokkaz"));
        Assert.Equal(["First quokkaz."], await FindAsync("quokkaz"));
        Assert.Empty(await FindAsync("wombatz"));

        Assert.Equal(HttpStatusCode.Redirect, (await ReplyAsync(member, id, "Second quokkaz, with wombatz.")).StatusCode);
        Assert.Equal(["Second quokkaz, with wombatz.", "First quokkaz."], await FindAsync("quokkaz"));
        Assert.Equal(["Second quokkaz, with wombatz."], await FindAsync("WOMBATZ"));
        Assert.Equal(["Second quokkaz, with wombatz."], await FindAsync("wombatz quokkaz"));

        var replyId = await LastPostIdAsync(_portal, id);
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitFormAsync(PortalPaths.EditForumPost(Slug, replyId), Html.Form(("Input.Body", "Now about numbatz.")))).StatusCode);
        Assert.Equal(["First quokkaz."], await FindAsync("quokkaz"));
        Assert.Equal(["Now about numbatz."], await FindAsync("numbatz"));

        Assert.Equal(HttpStatusCode.Redirect, (await chair.SubmitFormAsync(PortalPaths.RemoveForumPost(Slug, replyId), Html.Form(("Input.Reason", "Off topic")))).StatusCode);
        Assert.Empty(await FindAsync("numbatz"));

        // A second page of hits is not the first.
        await RepliesAsync(id, DemoData.ChairEmail, Enumerable.Range(1, ForumService.SearchResultsPerPage).Select(i => $"Paged quokkaz {i}."));
        Assert.Equal("Paged quokkaz 20.", (await FindAsync("quokkaz"))[0]);
        Assert.Equal(["First quokkaz."], await FindAsync("quokkaz", page: 2));
    }

    [Fact]
    public async Task Watching_shown_on_kept_pages_is_each_readers_own()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        // Starting a thread watches it.
        var id = await StartThreadAsync(member, _portal, "Watched thread", "Start.");
        static string WatchButton(IDocument page) => Assert.Single(page.QuerySelectorAll("form[action*='handler=Watch'] button, form[action*='handler=Unwatch'] button")).TextContent;

        Assert.Equal("Stop watching this thread", WatchButton(await member.GetPageAsync(ThreadUrl(id))));
        Assert.Equal("Watch this thread", WatchButton(await chair.GetPageAsync(ThreadUrl(id))));
        Assert.Equal("Stop watching this thread", WatchButton(await member.GetPageAsync(ThreadUrl(id))));

        Assert.Equal("Watch this forum", WatchButton(await chair.GetPageAsync(ForumUrl)));
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitFormAsync(ForumUrl, [], "form[action*='handler=Watch']")).StatusCode);
        Assert.Equal("Stop watching this forum", WatchButton(await member.GetPageAsync(ForumUrl)));
        Assert.Equal("Watch this forum", WatchButton(await chair.GetPageAsync(ForumUrl)));
    }

    /// <summary>Replies by one person straight through the service, for threads longer than a page.</summary>
    private Task RepliesAsync(int threadId, string email, IEnumerable<string> bodies) => _portal.WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<CopPortal.Domain.Data.CopDbContext>();
        var forum = services.GetRequiredService<ForumService>();
        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Slug == Slug);
        var author = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        foreach (var body in bodies)
        {
            var thread = await db.ForumThreads.AsNoTracking().SingleAsync(t => t.Id == threadId);
            await forum.ReplyAsync(community, thread, author, body, Guid.NewGuid(), acceptsGroundRules: false);
        }
    });
}
