using System.Net;
using CopPortal.Domain.Actions;
using CopPortal.Domain.Library;
using CopPortal.Domain.Time;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using static CopPortal.Web.Tests.Minutes.MinutesTestData;

namespace CopPortal.Web.Tests.Performance;

/// <summary>
/// Pages that keep what every viewer sees alike (ContentCache, and &lt;cache&gt; blocks of markup) still show a change
/// on the next view, still follow the clock where what they show depends on it, and still show each viewer their own
/// parts. Each test views a page first, so the second view would be served from what the first kept.
/// </summary>
public sealed class CachedPagesTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    private static AngleSharp.Dom.IElement? RowOf(AngleSharp.Html.Dom.IHtmlDocument page, string text) =>
        page.QuerySelectorAll("main tr").FirstOrDefault(r => r.TextContent.Contains(text, StringComparison.Ordinal));

    [Fact]
    public async Task Actions_list_follows_a_status_change_and_tags_an_action_overdue_when_the_day_passes()
    {
        var due = LondonTime.Today(_portal.Clock).AddDays(1);
        var id = await ActionAsync(_portal, null, "Cache check action", due: due);
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var url = $"/communities/{Slug}/actions";
        for (var view = 0; view < 2; view++)
        {
            var row = RowOf(await staff.GetPageAsync(url), "Cache check action");
            Assert.NotNull(row);
            Assert.DoesNotContain("Overdue", row!.TextContent, StringComparison.Ordinal);
        }

        _portal.Clock.Advance(TimeSpan.FromDays(2));
        // Two days on, the sign-in has lapsed.
        staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        Assert.Contains("Overdue", RowOf(await staff.GetPageAsync(url), "Cache check action")!.TextContent, StringComparison.Ordinal);

        await _portal.WithDbAsync(db => db.Actions.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ActionStatus.Done)));
        Assert.Null(RowOf(await staff.GetPageAsync(url), "Cache check action"));
        Assert.NotNull(RowOf(await staff.GetPageAsync(url + "?status=done"), "Cache check action"));
    }

    [Fact]
    public async Task Meetings_list_moves_a_meeting_to_the_past_when_it_ends_with_nothing_saved()
    {
        // Under way, ending in five minutes: well within the cache's ten-minute bound, so only the end moves it.
        var start = _portal.Clock.GetUtcNow().AddMinutes(-55);
        await MeetingAsync(_portal, start, minutes: 60, title: "Soon over meeting", attendance: false);
        // A full first page of past meetings, so the one that ends must push the oldest of them to the next page.
        for (var i = 0; i < Pages.Communities.Meetings.IndexModel.PageSize; i++)
        {
            await MeetingAsync(_portal, start.AddDays(-1 - i), minutes: 60, title: $"Earlier meeting {i}", attendance: false);
        }
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var url = $"/communities/{Slug}/meetings";
        for (var view = 0; view < 2; view++)
        {
            var page = await member.GetPageAsync(url);
            Assert.Contains("Soon over meeting", page.QuerySelector("#upcoming-meetings")!.TextContent, StringComparison.Ordinal);
        }

        _portal.Clock.Advance(TimeSpan.FromMinutes(6));
        var after = await member.GetPageAsync(url);
        Assert.DoesNotContain("Soon over meeting", after.QuerySelector("#upcoming-meetings")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Contains("Soon over meeting", after.QuerySelector("#past-meetings")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Pages.Communities.Meetings.IndexModel.PageSize, after.QuerySelectorAll("#past-meetings > li").Length);
    }

    [Fact]
    public async Task Meeting_page_counts_follow_a_reply_and_each_member_sees_only_their_own_answer()
    {
        var id = await MeetingAsync(_portal, _portal.Clock.GetUtcNow().AddDays(5), title: "Replies meeting", attendance: false);
        var url = $"/communities/{Slug}/meetings/{id}";
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        for (var view = 0; view < 2; view++)
        {
            Assert.Contains("Nobody has said they will attend yet.", (await secretary.GetPageAsync(url)).MainText(), StringComparison.Ordinal);
        }

        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitFormAsync(url, Html.Form(("Rsvp.Answer", "Attending")), "main form[action*='handler=Respond']")).StatusCode);

        var organiser = (await secretary.GetPageAsync(url)).MainText();
        Assert.Contains("1 person has said they will attend.", organiser, StringComparison.Ordinal);
        Assert.DoesNotContain("You said", organiser, StringComparison.Ordinal);
        Assert.Contains("You said: I will attend", (await member.GetPageAsync(url)).MainText(), StringComparison.Ordinal);
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var chairs = (await chair.GetPageAsync(url)).MainText();
        Assert.DoesNotContain("You said", chairs, StringComparison.Ordinal);
        Assert.Contains("1 person has said they will attend.", chairs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Library_folders_follow_a_new_folder()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var url = $"/communities/{Slug}/library";
        for (var view = 0; view < 2; view++)
        {
            Assert.DoesNotContain("Cache check folder", (await member.GetPageAsync(url)).MainText(), StringComparison.Ordinal);
        }
        await _portal.WithDbAsync(async db =>
        {
            var community = await db.Communities.SingleAsync(c => c.Slug == Slug);
            db.LibraryFolders.Add(new LibraryFolder { CommunityId = community.Id, Name = "Cache check folder", SortOrder = 99, CreatedAt = _portal.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        });
        Assert.Contains("Cache check folder", (await member.GetPageAsync(url)).QuerySelector(".app-library-folders")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task People_search_follows_a_renamed_person()
    {
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var url = "/staff/people?q=" + Uri.EscapeDataString(DemoData.MemberEmail);
        var before = await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.MemberEmail).Select(u => u.DisplayName).SingleAsync());
        for (var view = 0; view < 2; view++)
        {
            Assert.Contains(before, (await staff.GetPageAsync(url)).MainText(), StringComparison.Ordinal);
        }
        await _portal.WithDbAsync(async db =>
        {
            var person = await db.Users.SingleAsync(u => u.Email == DemoData.MemberEmail);
            person.DisplayName = "Renamed Cachetest";
            await db.SaveChangesAsync();
        });
        var after = (await staff.GetPageAsync(url)).MainText();
        Assert.Contains("Renamed Cachetest", after, StringComparison.Ordinal);
        Assert.DoesNotContain(before, after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_log_shows_a_change_saved_after_it_was_viewed()
    {
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        for (var view = 0; view < 2; view++)
        {
            Assert.DoesNotContain("Audit cache folder", (await staff.GetPageAsync("/staff/audit")).MainText(), StringComparison.Ordinal);
        }
        await _portal.WithDbAsync(async db =>
        {
            var community = await db.Communities.SingleAsync(c => c.Slug == Slug);
            db.LibraryFolders.Add(new LibraryFolder { CommunityId = community.Id, Name = "Audit cache folder", SortOrder = 98, CreatedAt = _portal.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        });
        Assert.Contains("Audit cache folder", (await staff.GetPageAsync("/staff/audit")).MainText(), StringComparison.Ordinal);
    }
}
