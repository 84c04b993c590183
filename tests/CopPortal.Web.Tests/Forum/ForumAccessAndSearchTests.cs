using System.Net;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
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
    public async Task The_members_area_links_to_the_forum_for_members_only()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        Assert.NotNull((await member.GetPageAsync($"/communities/{Slug}")).QuerySelector($"a[href='{ForumUrl}']"));
        var outsider = await _portal.SignedInClientAsync(await MemberOfAnotherCommunityAsync(_portal));
        Assert.Null((await outsider.GetPageAsync($"/communities/{Slug}")).QuerySelector($"a[href='{ForumUrl}']"));
    }
}
