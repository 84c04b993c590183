using CopPortal.Domain.Meetings;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CopPortal.BrowserTests.Meetings;

/// <summary>Finding a date: the secretary proposes dates, a member answers, the chair picks one and it becomes a meeting.</summary>
public sealed class PollJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Slug = DemoData.PractitionersSlug;

    private static async Task FillOptionAsync(IPage page, int index, string day, string month, string year, string time)
    {
        var id = $"Input_Options_{index}__Date";
        await page.Locator("#" + id).FillAsync(day);
        await page.Locator($"#{id}-month").FillAsync(month);
        await page.Locator($"#{id}-year").FillAsync(year);
        await page.Locator($"#Input_Options_{index}__Time").FillAsync(time);
    }

    [Fact]
    public async Task Secretary_proposes_dates_a_member_answers_and_the_chair_picks_one_without_axe_violations()
    {
        // The secretary proposes dates, first forgetting the second option.
        var secretary = await session.NewPageAsync();
        await session.SignInAsync(secretary, DemoData.SecretaryEmail);
        await secretary.GotoAsync($"/communities/{Slug}/meetings/polls");
        await BrowserSession.AssertAccessibleAsync(secretary);
        await secretary.GetByRole(AriaRole.Link, new() { Name = "Find a date for a meeting" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Heading, new() { Name = "Find a date for a meeting" })).ToBeVisibleAsync();
        await secretary.GetByLabel("Meeting title").FillAsync("Winter reflective practice");
        await FillOptionAsync(secretary, 0, "7", "12", "2026", "14:00");
        await secretary.Locator("#Input_ClosesOn").FillAsync("30");
        await secretary.Locator("#Input_ClosesOn-month").FillAsync("11");
        await secretary.Locator("#Input_ClosesOn-year").FillAsync("2026");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Open the poll" }).ClickAsync();
        await Assertions.Expect(secretary.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter at least 2 dates and times to choose from");
        await Assertions.Expect(secretary).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        await session.ScreenshotAsync(secretary, "poll-new-error");
        await BrowserSession.AssertAccessibleAsync(secretary);

        await FillOptionAsync(secretary, 1, "9", "12", "2026", "10am");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Open the poll" }).ClickAsync();
        await Assertions.Expect(secretary.Locator(".nhsuk-notification-banner--success")).ToContainTextAsync("Your poll is open");
        await session.ScreenshotAsync(secretary, "poll-open");
        await BrowserSession.AssertAccessibleAsync(secretary);
        var pollUrl = new Uri(secretary.Url).AbsolutePath;

        // A member answers from the poll page.
        var member = await session.NewPageAsync();
        await session.SignInAsync(member, DemoData.MemberEmail);
        await member.GotoAsync(pollUrl);
        var first = member.GetByRole(AriaRole.Group, new() { Name = "7 December 2026 at 2pm to 4pm (UK time)" });
        var second = member.GetByRole(AriaRole.Group, new() { Name = "9 December 2026 at 10am to 12pm (UK time)" });
        await first.GetByLabel("No").CheckAsync();
        await second.GetByLabel("Yes").CheckAsync();
        await BrowserSession.AssertAccessibleAsync(member);
        await member.GetByRole(AriaRole.Button, new() { Name = "Save my answers" }).ClickAsync();
        await Assertions.Expect(member.Locator(".nhsuk-notification-banner--success")).ToContainTextAsync("Your answers are saved");
        await Assertions.Expect(member.Locator("table.app-poll-results tbody tr").First).ToContainTextAsync("9 December 2026");
        await session.ScreenshotAsync(member, "poll-answered");
        await BrowserSession.AssertAccessibleAsync(member);

        // The chair picks the best fit, which becomes a meeting with invitations.
        var chair = await session.NewPageAsync();
        await session.SignInAsync(chair, DemoData.ChairEmail);
        await chair.GotoAsync(pollUrl);
        await Assertions.Expect(chair.Locator("table.app-poll-results tbody tr").First).ToContainTextAsync("Best fit");
        await BrowserSession.AssertAccessibleAsync(chair);
        await chair.GetByRole(AriaRole.Button, new() { Name = "Pick 9 December 2026 at 10am to 12pm (UK time)" }).ClickAsync();
        await Assertions.Expect(chair.Locator(".nhsuk-notification-banner--success")).ToContainTextAsync("The meeting is set for 9 December 2026 at 10am");
        await session.ScreenshotAsync(chair, "poll-picked");
        await BrowserSession.AssertAccessibleAsync(chair);

        var meeting = await session.Portal.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Title == "Winter reflective practice"));
        Assert.Equal(new DateTimeOffset(2026, 12, 9, 10, 0, 0, TimeSpan.Zero), meeting.StartsAt.ToUniversalTime());
        await session.Portal.ExpandMeetingInvitationsAsync();
        Assert.True(await session.Portal.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Kind == MeetingInvitations.InvitationEmail && m.ToAddress == DemoData.MemberEmail)));
    }
}
