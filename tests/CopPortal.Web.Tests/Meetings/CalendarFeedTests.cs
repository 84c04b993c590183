using System.Net;
using CopPortal.Domain.Meetings;
using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure.Database;
using CopPortal.Web.Infrastructure.Operations;
using CopPortal.Web.Tests.Joining;
using Ical.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CopPortal.Web.Tests.Meetings;

/// <summary>The personal calendar feed at a secret, resettable address, and the /my/calendar page that manages it.</summary>
public sealed class CalendarFeedTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    private async Task<(HttpClient Member, string Url)> CreateFeedAsync(string email = DemoData.MemberEmail)
    {
        var member = await _portal.SignedInClientAsync(email);
        var created = await member.SubmitFormAsync("/my/calendar", [], "#feed-create");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/my/calendar", created.Headers.Location!.OriginalString);
        var page = await member.GetPageAsync("/my/calendar");
        var url = page.QuerySelector("#feed-url")!.GetAttribute("value")!;
        return (member, url);
    }

    /// <summary>A calendar app: no cookies, no sign-in.</summary>
    private HttpClient CalendarApp() => _portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static string PathOf(string url) => new Uri(url).AbsolutePath;

    [Fact]
    public async Task A_member_creates_the_address_and_a_calendar_app_gets_their_communities_meetings_with_joining_links_and_cancellations()
    {
        var soon = await _portal.MeetingAsync(TimeSpan.FromDays(10), "Soon");
        var cancelled = await _portal.MeetingAsync(TimeSpan.FromDays(20), "Called off", cancelled: true);
        var lastMonth = await _portal.MeetingAsync(TimeSpan.FromDays(-30), "Last month");
        var longAgo = await _portal.MeetingAsync(TimeSpan.FromDays(-120), "Long ago");
        var tooFar = await _portal.MeetingAsync(TimeSpan.FromDays(400), "Too far ahead");
        var otherCop = await _portal.MeetingAsync(TimeSpan.FromDays(10), "Not my community", slug: JoiningTestData.Caps);
        var (_, url) = await CreateFeedAsync();

        // 256 random bits in the address; only a hash and a protected copy are stored.
        var token = PathOf(url)["/calendar/".Length..^".ics".Length];
        Assert.True(WebEncoders.Base64UrlDecode(token).Length >= 16);
        var stored = await _portal.WithDbAsync(db => db.CalendarFeeds.SingleAsync());
        Assert.Equal(Invitation.HashToken(token), stored.TokenHash);
        Assert.DoesNotContain(token, stored.ProtectedToken, StringComparison.Ordinal);
        var audit = await _portal.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == nameof(CalendarFeed)));
        Assert.Equal("Added", audit.Action);
        Assert.DoesNotContain(token, audit.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain(stored.ProtectedToken, audit.Changes, StringComparison.Ordinal);

        var response = await CalendarApp().GetAsync(PathOf(url));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, response.Headers.CacheControl?.ToString());
        Assert.False(response.Headers.Contains("Set-Cookie"));

        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal("Europe/London", Assert.Single(calendar.TimeZones).TzId);
        var meetings = await _portal.WithDbAsync(db => db.Meetings.Where(m => new[] { soon, cancelled, lastMonth, longAgo, tooFar, otherCop }.Contains(m.Id)).ToDictionaryAsync(m => m.Id));
        var events = calendar.Events.ToDictionary(e => e.Uid!);
        Assert.Contains(meetings[soon].CalendarUid, events.Keys);
        Assert.Contains(meetings[lastMonth].CalendarUid, events.Keys);
        Assert.DoesNotContain(meetings[longAgo].CalendarUid, events.Keys);
        Assert.DoesNotContain(meetings[tooFar].CalendarUid, events.Keys);
        Assert.DoesNotContain(meetings[otherCop].CalendarUid, events.Keys);
        Assert.Contains(meetings[soon].JoinUrl!, events[meetings[soon].CalendarUid].Description, StringComparison.Ordinal);
        Assert.Equal("CANCELLED", events[meetings[cancelled].CalendarUid].Status);
        Assert.Equal("CONFIRMED", events[meetings[soon].CalendarUid].Status);
    }

    [Fact]
    public async Task Resetting_the_address_stops_the_old_one_at_once_and_is_audited()
    {
        var (member, oldUrl) = await CreateFeedAsync();
        var reset = await member.SubmitFormAsync("/my/calendar", [], "#feed-create");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var newUrl = (await member.GetPageAsync("/my/calendar")).QuerySelector("#feed-url")!.GetAttribute("value")!;

        Assert.NotEqual(oldUrl, newUrl);
        Assert.Equal(HttpStatusCode.NotFound, (await CalendarApp().GetAsync(PathOf(oldUrl))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await CalendarApp().GetAsync(PathOf(newUrl))).StatusCode);
        Assert.True(await _portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(CalendarFeed) && a.Action == "Modified")));

        var stop = await member.SubmitFormAsync("/my/calendar", [], "#feed-stop");
        Assert.Equal(HttpStatusCode.Redirect, stop.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CalendarApp().GetAsync(PathOf(newUrl))).StatusCode);
        Assert.NotNull((await member.GetPageAsync("/my/calendar")).QuerySelector("#feed-create"));
        Assert.True(await _portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(CalendarFeed) && a.Action == "Deleted")));
    }

    [Fact]
    public async Task A_community_the_member_leaves_disappears_from_the_feed()
    {
        var meeting = await _portal.MeetingAsync(TimeSpan.FromDays(10), "Soon");
        var uid = await _portal.WithDbAsync(db => db.Meetings.Where(m => m.Id == meeting).Select(m => m.CalendarUid).SingleAsync());
        var (member, url) = await CreateFeedAsync();
        Assert.Contains(uid, await CalendarApp().GetStringAsync(PathOf(url)), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitFormAsync($"/my/communities/{ParticipationTestData.Slug}/leave", [])).StatusCode);
        var after = await CalendarApp().GetAsync(PathOf(url));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.DoesNotContain(uid, await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("closed")]
    [InlineData("locked")]
    public async Task A_closed_or_suspended_account_feed_is_not_found(string state)
    {
        var (_, url) = await CreateFeedAsync();
        var userId = await _portal.UserIdAsync(DemoData.MemberEmail);
        var now = _portal.Clock.GetUtcNow();
        await _portal.WithDbAsync(db => state == "closed"
            ? db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.ClosedAt, now))
            : db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, now.AddYears(100))));

        Assert.Equal(HttpStatusCode.NotFound, (await CalendarApp().GetAsync(PathOf(url))).StatusCode);
    }

    [Fact]
    public async Task An_unknown_token_is_not_found_and_no_token_reaches_the_logs()
    {
        var logs = new LogCapture();
        using var logged = _portal.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        var member = logged.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await member.AsAsync(DemoData.MemberEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitFormAsync("/my/calendar", [], "#feed-create")).StatusCode);
        var url = (await member.GetPageAsync("/my/calendar")).QuerySelector("#feed-url")!.GetAttribute("value")!;
        var token = PathOf(url)["/calendar/".Length..^".ics".Length];

        var app = logged.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync(PathOf(url))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetAsync("/calendar/not-a-real-token-at-all.ics")).StatusCode);

        var access = logs.Entries.Where(e => e.Category == AccessLog.Category && (string?)e.Values["Route"] == "/calendar/{token}.ics").ToList();
        Assert.Equal(2, access.Count);
        Assert.All(logs.Entries, e =>
        {
            Assert.DoesNotContain(token, e.AllText, StringComparison.Ordinal);
            Assert.DoesNotContain("not-a-real-token-at-all", e.AllText, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task The_home_page_and_meeting_pages_link_to_the_calendar_page()
    {
        var meeting = await _portal.MeetingAsync(TimeSpan.FromDays(10));
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        Assert.NotNull((await member.GetPageAsync("/my")).QuerySelector("main a[href='/my/calendar']"));
        Assert.NotNull((await member.GetPageAsync($"/communities/{ParticipationTestData.Slug}/meetings/{meeting}")).QuerySelector("main a[href='/my/calendar']"));
        Assert.NotNull((await member.GetPageAsync($"/communities/{ParticipationTestData.Slug}/meetings")).QuerySelector("main a[href='/my/calendar']"));
        var page = await member.GetPageAsync("/my/calendar");
        Assert.Equal("Subscribe to your meetings", page.QuerySelector("h1")!.TextContent);
        Assert.Null(page.QuerySelector("#feed-url"));
    }
}
