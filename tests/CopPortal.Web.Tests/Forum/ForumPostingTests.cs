using System.Net;
using CopPortal.Domain.Forum;
using CopPortal.Domain.Messaging;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CopPortal.Web.Tests.Forum.ForumTestData;

namespace CopPortal.Web.Tests.Forum;

public sealed class ForumPostingTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    [Fact]
    public async Task The_thread_count_kept_between_views_follows_a_thread_started_after_it_was_read()
    {
        // The forum's number of threads is kept in memory between views; starting a thread must drop it at once.
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        static int Total(AngleSharp.Dom.IDocument page) =>
            System.Text.RegularExpressions.Regex.Match(page.MainText(), @"Showing \d+ to \d+ of (\d+)") is { Success: true } shown
                ? int.Parse(shown.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
                : 0;
        var before = Total(await member.GetPageAsync(ForumUrl));
        Assert.Equal(before, Total(await member.GetPageAsync(ForumUrl)));

        await StartThreadAsync(member, _portal, "Counted thread", "Does the count follow?");

        var after = await member.GetPageAsync(ForumUrl);
        Assert.Equal(before + 1, Total(after));
        Assert.Contains("Counted thread", after.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_starts_a_thread_another_replies_and_the_author_is_emailed_about_it()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var id = await StartThreadAsync(member, _portal, "Group supervision ideas", "How do you run **group supervision**?");

        var thread = await member.GetPageAsync(ThreadUrl(id));
        Assert.Contains("How do you run group supervision?", thread.MainText(), StringComparison.Ordinal);
        Assert.Equal("group supervision", thread.QuerySelector(".app-forum-post__body strong")!.TextContent);
        // No anonymity: name, job title and organisation.
        Assert.Contains("Aisha Begum, Psychological Wellbeing Practitioner, Coventry and Warwickshire Partnership NHS Trust", thread.QuerySelector(".app-forum-post__by")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(thread.QuerySelector($"a[href='/ground-rules']"));

        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var reply = await ReplyAsync(chair, id, "We use a rota.");
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);

        var mail = Assert.Single(await ForumRepliesAsync(_portal));
        Assert.Equal(DemoData.MemberEmail, mail.ToAddress);
        Assert.Equal(EmailTopic.ForumReplies, mail.Topic);
        Assert.Equal("forum.reply", mail.Kind);
        Assert.Contains("Hannah Whitfield replied in the thread “Group supervision ideas”", mail.TextBody, StringComparison.Ordinal);
        // The reply's text never travels in the email, so a later edit or removal cannot leak.
        Assert.DoesNotContain("rota", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(2, await _portal.WithDbAsync(db => db.ForumThreads.Where(t => t.Id == id).Select(t => t.PostCount).SingleAsync()));
    }

    [Fact]
    public async Task Forum_watchers_are_emailed_and_the_replier_and_unwatchers_are_not()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var id = await StartThreadAsync(member, _portal, "Watching test", "First.");
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await secretary.SubmitFormAsync(ForumUrl, [], "form[action*='handler=Watch']")).StatusCode);
        // The author stops watching their own thread.
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitFormAsync(ThreadUrl(id), [], "form[action*='handler=Unwatch']")).StatusCode);

        await ReplyAsync(member, id, "Second, by the author.");
        var mail = Assert.Single(await ForumRepliesAsync(_portal));
        Assert.Equal(DemoData.SecretaryEmail, mail.ToAddress);
    }

    [Fact]
    public async Task The_first_post_asks_for_the_ground_rules_once()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var refused = await member.SubmitFormAsync(ForumUrl + "/new", Html.Form(("Input.Title", "Hello"), ("Input.Body", "Hi all")));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        Assert.Equal(["Confirm that you agree to the ground rules"], page.ErrorSummary());
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Equal(0, await _portal.WithDbAsync(db => db.ForumThreads.CountAsync(t => t.Title == "Hello")));

        await StartThreadAsync(member, _portal, "Hello", "Hi all");
        var next = await member.GetPageAsync(ForumUrl + "/new");
        Assert.Null(next.QuerySelector("input[name='Input.AcceptGroundRules']"));
        Assert.Equal(1, await _portal.WithDbAsync(db => db.GroundRulesAcceptances.CountAsync()));
    }

    [Theory]
    [InlineData("", "Enter your message")]
    [InlineData("   ", "Enter your message")]
    [InlineData("TOO_LONG", "Your message must be 20,000 characters or fewer")]
    public async Task Empty_or_over_long_replies_are_refused_with_a_message(string body, string message)
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var id = await StartThreadAsync(member, _portal, "Validation", "Start.");
        var response = await ReplyAsync(member, id, body == "TOO_LONG" ? new string('a', ForumPost.BodyMaxLength + 1) : body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([message], (await Html.ParseAsync(response)).ErrorSummary());
        Assert.Equal(1, await _portal.WithDbAsync(db => db.ForumPosts.CountAsync(p => p.ThreadId == id)));
    }

    [Fact]
    public async Task A_reply_of_exactly_20000_characters_is_accepted()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var id = await StartThreadAsync(member, _portal, "Long", "Start.");
        Assert.Equal(HttpStatusCode.Redirect, (await ReplyAsync(member, id, new string('a', ForumPost.BodyMaxLength))).StatusCode);
    }

    [Fact]
    public async Task The_same_form_sent_twice_makes_one_post()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var id = await StartThreadAsync(member, _portal, "Twice", "Start.");
        var page = await member.GetPageAsync(ThreadUrl(id));
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("#reply-form")!;
        var first = await member.PostFormAsync(form, Html.Form(("Input.Body", "Only once"), ("Input.AcceptGroundRules", "true")), ThreadUrl(id));
        var second = await member.PostFormAsync(form, Html.Form(("Input.Body", "Only once"), ("Input.AcceptGroundRules", "true")), ThreadUrl(id));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await _portal.WithDbAsync(db => db.ForumPosts.CountAsync(p => p.ThreadId == id && p.Body == "Only once")));
    }

    [Fact]
    public async Task Posting_is_rate_limited_with_a_clear_message()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var id = await StartThreadAsync(member, _portal, "Busy", "Post 1.");
        for (var i = 2; i <= 10; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await ReplyAsync(member, id, $"Post {i}.")).StatusCode);
        }
        var refused = await ReplyAsync(member, id, "Post 11.");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        Assert.Contains("You have posted 10 times in the last 10 minutes", Assert.Single(page.ErrorSummary()), StringComparison.Ordinal);
        Assert.Equal("Post 11.", page.QuerySelector("#reply-form textarea")!.TextContent);

        _portal.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(HttpStatusCode.Redirect, (await ReplyAsync(member, id, "Post 11.")).StatusCode);
    }

    [Fact]
    public async Task Quote_prefills_the_reply_with_a_blockquote()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var id = await StartThreadAsync(member, _portal, "Quoting", "Line one\nLine two");
        var postId = await LastPostIdAsync(_portal, id);
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var page = await chair.GetPageAsync($"{ThreadUrl(id)}?quote={postId}");
        Assert.Equal("> Aisha Begum wrote:\n>\n> Line one\n> Line two\n\n", page.QuerySelector("#reply-form textarea")!.TextContent.ReplaceLineEndings("\n").TrimStart('\n'));
    }

    [Fact]
    public async Task Threads_show_unread_markers_until_read_and_pinned_ones_come_first()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var older = await StartThreadAsync(member, _portal, "Older thread", "Start.");
        _portal.Clock.Advance(TimeSpan.FromMinutes(1));
        var newer = await StartThreadAsync(member, _portal, "Newer thread", "Start.");
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);

        string[] Titles(AngleSharp.Dom.IDocument d) => d.QuerySelectorAll(".app-forum-thread td:first-child a").Select(a => a.TextContent).ToArray();
        var list = await chair.GetPageAsync(ForumUrl);
        Assert.Equal(["Newer thread", "Older thread"], Titles(list).Where(t => t.EndsWith(" thread", StringComparison.Ordinal)));
        Assert.Equal(2, list.QuerySelectorAll(".app-forum-thread--unread").Count(r => r.TextContent.Contains(" thread", StringComparison.Ordinal)));

        await chair.GetPageAsync(ThreadUrl(newer));
        Assert.Equal(HttpStatusCode.Redirect, (await chair.SubmitFormAsync(ThreadUrl(older), [], "form[action*='handler=Pin']")).StatusCode);
        list = await chair.GetPageAsync(ForumUrl);
        Assert.Equal("Older thread", Titles(list)[0]);
        var newerRow = list.QuerySelectorAll(".app-forum-thread").Single(r => r.TextContent.Contains("Newer thread", StringComparison.Ordinal));
        Assert.DoesNotContain("app-forum-thread--unread", newerRow.ClassName, StringComparison.Ordinal);

        // A new reply makes it unread again.
        await ReplyAsync(member, newer, "More.");
        list = await chair.GetPageAsync(ForumUrl);
        newerRow = list.QuerySelectorAll(".app-forum-thread").Single(r => r.TextContent.Contains("Newer thread", StringComparison.Ordinal));
        Assert.Contains("app-forum-thread--unread", newerRow.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Thread_pages_hold_20_posts_each()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var id = await StartThreadAsync(member, _portal, "Paged", "Post 1.");
        await _portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<CopPortal.Domain.Data.CopDbContext>();
            var forum = services.GetRequiredService<ForumService>();
            var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Slug == Slug);
            var author = await db.Users.Where(u => u.Email == DemoData.ChairEmail).Select(u => u.Id).SingleAsync();
            for (var i = 2; i <= 21; i++)
            {
                var thread = await db.ForumThreads.AsNoTracking().SingleAsync(t => t.Id == id);
                await forum.ReplyAsync(community, thread, author, $"Post {i}.", Guid.NewGuid(), acceptsGroundRules: false);
            }
        });
        var first = await member.GetPageAsync(ThreadUrl(id));
        Assert.Equal(20, first.QuerySelectorAll(".app-forum-post").Length);
        var second = await member.GetPageAsync(ThreadUrl(id) + "?p=2");
        Assert.Equal("Post 21.", Assert.Single(second.QuerySelectorAll(".app-forum-post__body")).TextContent.Trim());
    }
}
