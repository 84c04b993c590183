using System.Net;
using CopPortal.Domain.Data;
using CopPortal.Domain.Forum;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CopPortal.Web.Tests.Forum.ForumTestData;

namespace CopPortal.Web.Tests.Forum;

public sealed class ForumAccessAndSearchTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    [Fact]
    public async Task A_member_of_another_community_never_gets_the_posts()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var id = await StartThreadAsync(member, _portal, "Members only", "Private wombat matters.");
        var postId = await LastPostIdAsync(_portal, id);
        var outsider = await _portal.SignedInClientAsync(await MemberOfAnotherCommunityAsync(_portal));
        foreach (var url in new[] { ForumUrl, ThreadUrl(id), ForumUrl + "?q=wombat", $"{ForumUrl}/posts/{postId}/report", $"{ForumUrl}/posts/{postId}/edit", ForumUrl + "/new" })
        {
            var response = await outsider.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                AssertDenied(response);
            }
            Assert.DoesNotContain("wombat", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var anonymous = await _portal.CreateBrowserClient().GetAsync(ThreadUrl(id));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/sign-in", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_communitys_thread_or_post_under_this_slug_is_404()
    {
        var (otherSlug, threadId, postId) = await ThreadInAnotherCommunityAsync(_portal);
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        foreach (var url in new[] { ThreadUrl(threadId), $"{ForumUrl}/posts/{postId}/edit", $"{ForumUrl}/posts/{postId}/remove", $"{ForumUrl}/posts/{postId}/report" })
        {
            var response = await chair.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("zebra", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        // Nor does a search here find it, even for staff who can read both forums.
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        Assert.Empty((await staff.GetPageAsync(ForumUrl + "?q=zebra")).QuerySelectorAll(".app-result-list li"));
        Assert.Single((await staff.GetPageAsync($"/communities/{otherSlug}/forum?q=zebra")).QuerySelectorAll(".app-result-list li"));
    }

    [Fact]
    public async Task Search_finds_every_word_by_its_start_in_titles_and_text_and_follows_edits()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        // Made-up words, so the demo forum's posts cannot match.
        var id = await StartThreadAsync(member, _portal, "Supervision quokka", "We keep a zanzibar spreadsheet.");
        await ReplyAsync(member, id, "Practitioners in Leicesterz use a *zanzibarish* calendarium.");
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);

        async Task<string[]> FindAsync(string words) =>
            (await chair.GetPageAsync(ForumUrl + "?q=" + Uri.EscapeDataString(words))).QuerySelectorAll(".app-result-list li p.nhsuk-body-s").Select(p => p.TextContent).ToArray();

        Assert.Equal(["We keep a zanzibar spreadsheet."], await FindAsync("quokka"));
        Assert.Equal(["Practitioners in Leicesterz use a zanzibarish calendarium."], await FindAsync("leicesterz CALENDARIUM"));
        Assert.Equal(2, (await FindAsync("zanzibar")).Length);
        Assert.Empty(await FindAsync("calendarium quokka"));

        var replyId = await LastPostIdAsync(_portal, id);
        _portal.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitFormAsync($"{ForumUrl}/posts/{replyId}/edit", Html.Form(("Input.Body", "We moved to a whiteboardz.")))).StatusCode);
        Assert.Empty(await FindAsync("calendarium"));
        Assert.Single(await FindAsync("whiteboardz"));

        var tooLong = await chair.GetAsync(ForumUrl + "?q=" + new string('a', 101));
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Equal(["Your search must be 100 characters or fewer"], (await Html.ParseAsync(tooLong)).ErrorSummary());
    }

    [Fact]
    public async Task Search_lists_the_word_and_longer_words_it_starts_latest_first_on_every_page_each_post_once()
    {
        // 50 posts through the service (so indexed as posting does): the word itself ("kiwiz"), only longer words it
        // starts ("kiwizs", "kiwizland", "kiwizzy"), or both; every third also has "emuz". The page's ids come from two
        // index reads (the word, then the longer words) merged, so a post in both, or with two longer words, must
        // still show once, and later pages must still be the next latest.
        var bodies = Enumerable.Range(0, 50).Select(i => (i % 3) switch
        {
            0 => $"Kiwiz note {i}.",
            1 => $"Kiwizs, kiwizland and kiwizzy note {i}.",
            _ => $"Kiwiz, kiwizs note {i}.",
        } + (i % 3 == 0 ? " Emuz too." : "")).ToList();
        var postIds = new List<int>();
        var removedId = 0;
        await _portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<CopDbContext>();
            var forum = services.GetRequiredService<ForumService>();
            var communityId = await db.Communities.Where(c => c.Slug == Slug).Select(c => c.Id).SingleAsync();
            var author = await db.Users.Where(u => u.Email == DemoData.MemberEmail).Select(u => u.Id).SingleAsync();
            var chair = await db.Users.Where(u => u.Email == DemoData.ChairEmail).Select(u => u.Id).SingleAsync();
            var first = await forum.StartThreadAsync(communityId, author, "Bird notes", bodies[0], Guid.NewGuid(), acceptsGroundRules: false);
            var thread = await db.ForumThreads.AsNoTracking().SingleAsync(t => t.Id == first.ThreadId);
            var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Id == communityId);
            postIds.Add(first.Id);
            foreach (var body in bodies.Skip(1))
            {
                postIds.Add((await forum.ReplyAsync(community, thread, author, body, Guid.NewGuid(), acceptsGroundRules: false)).Id);
            }
            // A removed post is never found, whichever of the two reads would have found it.
            removedId = postIds[47];
            var removed = await db.ForumPosts.SingleAsync(p => p.Id == removedId);
            await forum.RemoveAsync(removed, thread, chair, "Off topic.", tellAuthor: false);
        });
        var chairClient = await _portal.SignedInClientAsync(DemoData.ChairEmail);

        async Task<(string Heading, int[] Ids)> PageAsync(string words, int page)
        {
            var html = await chairClient.GetPageAsync($"{ForumUrl}?q={Uri.EscapeDataString(words)}&p={page}");
            var ids = html.QuerySelectorAll(".app-result-list li h3 a")
                .Select(a => int.Parse(a.GetAttribute("href")!.Split("#post-")[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            return (html.QuerySelector("#results-heading")!.TextContent, ids);
        }

        var expected = postIds.Where(id => id != removedId).OrderDescending().ToList();
        var all = new List<int>();
        for (var page = 1; page <= 3; page++)
        {
            var (heading, ids) = await PageAsync("kiwiz", page);
            Assert.Equal("49 posts matching “kiwiz”", heading);
            all.AddRange(ids);
        }
        Assert.Equal(expected, all);

        // Only the longer words: one sort, still latest first and each post once.
        var (longHeading, longIds) = await PageAsync("kiwizs", 1);
        var withLonger = postIds.Where((id, i) => i % 3 != 0 && id != removedId).OrderDescending().ToList();
        Assert.Equal($"{withLonger.Count} posts matching “kiwizs”", longHeading);
        Assert.Equal(withLonger.Take(ForumService.SearchResultsPerPage), longIds);

        // A second word narrows both reads.
        var (bothHeading, bothIds) = await PageAsync("kiwiz emuz", 1);
        var withEmu = postIds.Where((id, i) => i % 3 == 0 && id != removedId).OrderDescending().ToList();
        Assert.Equal($"{withEmu.Count} posts matching “kiwiz emuz”", bothHeading);
        Assert.Equal(withEmu, bothIds);
    }

    [Fact]
    public async Task The_members_area_links_to_the_forum_for_members_only()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        Assert.NotNull((await member.GetPageAsync($"/communities/{Slug}")).QuerySelector($"a[href='{ForumUrl}']"));
        var outsider = await _portal.SignedInClientAsync(await MemberOfAnotherCommunityAsync(_portal));
        Assert.Null((await outsider.GetPageAsync($"/communities/{Slug}")).QuerySelector($"a[href='{ForumUrl}']"));
    }
}
