using System.Text.RegularExpressions;
using CopPortal.Domain.Meetings;
using CopPortal.Web.Infrastructure.Database;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CopPortal.BrowserTests.Meetings;

/// <summary>
/// The secretary schedules a series in the browser; a member answers from the invitation email's link with
/// apologies and a message; the chair sees it on the meeting page. Axe on every page visited.
/// </summary>
public sealed partial class SchedulingJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Slug = DemoData.PractitionersSlug;

    [GeneratedRegex(@"Send apologies: (\S+)")]
    private static partial Regex ApologiesLink();

    [Fact]
    public async Task Secretary_schedules_a_series_a_member_sends_apologies_from_the_email_and_the_chair_sees_them_without_axe_violations()
    {
        var before = await session.Portal.WithDbAsync(db => db.Meetings.MaxAsync(m => (int?)m.Id)) ?? 0;

        // The secretary schedules the ToR's quarterly series, first forgetting the title.
        var secretary = await session.NewPageAsync();
        await session.SignInAsync(secretary, DemoData.SecretaryEmail);
        await secretary.GotoAsync($"/communities/{Slug}/meetings");
        await BrowserSession.AssertAccessibleAsync(secretary);
        await secretary.GetByRole(AriaRole.Link, new() { Name = "Schedule a meeting" }).ClickAsync();
        await BrowserSession.AssertAccessibleAsync(secretary);
        await secretary.Locator("#Input_Date").FillAsync("12");
        await secretary.Locator("#Input_Date-month").FillAsync("1");
        await secretary.Locator("#Input_Date-year").FillAsync("2027");
        await secretary.GetByLabel("Start time (UK time)").FillAsync("14:00");
        await secretary.GetByLabel("End time (UK time)").FillAsync("16:00");
        await secretary.GetByLabel("Joining link (optional)").FillAsync("https://teams.example.com/l/meetup-join/journey");
        await secretary.GetByLabel(new Regex("^As the Terms of Reference say")).CheckAsync();
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Schedule and send invitations" }).ClickAsync();
        await Assertions.Expect(secretary.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter a title");
        await Assertions.Expect(secretary).ToHaveTitleAsync(new Regex("^Error: "));
        await BrowserSession.AssertAccessibleAsync(secretary);

        await secretary.GetByLabel("Title", new() { Exact = true }).FillAsync("Quarterly meeting");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Schedule and send invitations" }).ClickAsync();
        await Assertions.Expect(secretary.Locator(".nhsuk-notification-banner--success")).ToBeVisibleAsync();
        await session.ScreenshotAsync(secretary, "meeting-series-scheduled");
        await BrowserSession.AssertAccessibleAsync(secretary);
        var meetings = await session.Portal.WithDbAsync(db => db.Meetings.Where(m => m.Id > before).OrderBy(m => m.StartsAt).ToListAsync());
        Assert.Equal(4, meetings.Count);

        // The invitations go out in the background; the member's first one carries the one-click links.
        await session.Portal.ExpandMeetingInvitationsAsync();
        var invitation = await session.Portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.Kind == MeetingInvitations.InvitationEmail && m.ToAddress == DemoData.MemberEmail).ToListAsync());
        var first = Assert.Single(invitation, m => Calendar.Load(m.CalendarAttachment!)!.Events.Single().Uid == meetings[0].CalendarUid);
        var link = new Uri(ApologiesLink().Match(first.TextBody).Groups[1].Value).PathAndQuery;

        // The member opens the link (not signed in) and sends apologies with a message.
        var member = await session.NewPageAsync();
        await member.GotoAsync(link);
        await Assertions.Expect(member.GetByText("Replying as Aisha Begum")).ToBeVisibleAsync();
        await BrowserSession.AssertAccessibleAsync(member);
        await member.GetByLabel("I cannot attend and send my apologies").CheckAsync();
        await member.GetByLabel("Message with your apologies (optional)").FillAsync("On leave that week");
        await member.GetByRole(AriaRole.Button, new() { Name = "Confirm my answer" }).ClickAsync();
        await Assertions.Expect(member.Locator(".nhsuk-notification-banner--success")).ToBeVisibleAsync();
        await session.ScreenshotAsync(member, "meeting-apologies-sent");
        await BrowserSession.AssertAccessibleAsync(member);

        // The chair sees the apology on the meeting page.
        var chair = await session.NewPageAsync();
        await session.SignInAsync(chair, DemoData.ChairEmail);
        await chair.GotoAsync($"/communities/{Slug}/meetings/{meetings[0].Id}");
        await Assertions.Expect(chair.Locator("#apologies")).ToContainTextAsync("Aisha Begum: On leave that week");
        await session.ScreenshotAsync(chair, "meeting-apologies-seen");
        await BrowserSession.AssertAccessibleAsync(chair);
    }
}
