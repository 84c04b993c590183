using CopPortal.Domain.Escalations;
using CopPortal.Domain.Meetings;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CopPortal.BrowserTests.Escalations;

/// <summary>The chair submits a Triple-A report; a council member routes its Alert and records the outcome; the chair sees it.</summary>
public sealed class EscalationJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task Chair_submits_an_alert_and_a_commendation_council_routes_and_records_the_outcome_and_the_chair_sees_it()
    {
        var meetingId = await session.Portal.WithDbAsync(async db =>
        {
            var community = await db.Communities.FirstAsync(c => c.Slug == DemoData.PractitionersSlug);
            var starts = session.Portal.Clock.GetUtcNow().AddDays(-1);
            var meeting = new Meeting { CommunityId = community.Id, Title = "Journey meeting", StartsAt = starts, EndsAt = starts.AddHours(1), CalendarUid = "journey-triple-a@test", CreatedAt = starts, UpdatedAt = starts };
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            return meeting.Id;
        });
        var reportUrl = $"/communities/{DemoData.PractitionersSlug}/meetings/{meetingId}/report";

        // The chair drafts the report, first forgetting the point's title.
        var chair = await session.NewPageAsync();
        await session.SignInAsync(chair, DemoData.ChairEmail);
        await chair.GotoAsync(reportUrl);
        await Assertions.Expect(chair.GetByRole(AriaRole.Heading, new() { Name = "Triple-A report for the Workforce Council" })).ToBeVisibleAsync();
        await chair.GetByLabel("What the meeting covered and what came out of it").FillAsync("Themed discussion on recruitment and retention.");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(chair.Locator(".nhsuk-notification-banner--success")).ToContainTextAsync("Draft saved");

        await chair.GetByLabel("Alert – a risk or concern the council needs to act on").CheckAsync();
        await chair.GetByLabel("Escalation", new() { Exact = true }).CheckAsync();
        await chair.GetByLabel("Detail").FillAsync("Three trusts report vacancy rates above 20%.");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Add point" }).ClickAsync();
        await Assertions.Expect(chair.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter a short title for the point");
        await Assertions.Expect(chair).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        await session.ScreenshotAsync(chair, "triple-a-report-error");
        await BrowserSession.AssertAccessibleAsync(chair);
        await chair.GetByLabel("Short title").FillAsync("Rising vacancy rates");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Add point" }).ClickAsync();
        await Assertions.Expect(chair.Locator(".nhsuk-notification-banner--success")).ToContainTextAsync("Point added: Rising vacancy rates");

        await chair.GetByLabel("Assure – something is working well or is under control").CheckAsync();
        await chair.GetByLabel("Commendation").CheckAsync();
        await chair.GetByLabel("Short title").FillAsync("Preceptorship keeps new staff");
        await chair.GetByLabel("Detail").FillAsync("Every first-year practitioner stayed.");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Add point" }).ClickAsync();
        await session.ScreenshotAsync(chair, "triple-a-report-draft");
        await BrowserSession.AssertAccessibleAsync(chair);
        await chair.GetByRole(AriaRole.Button, new() { Name = "Submit report" }).ClickAsync();
        await Assertions.Expect(chair.Locator(".nhsuk-notification-banner--success")).ToContainTextAsync("Report submitted to the Workforce Council");
        await BrowserSession.AssertAccessibleAsync(chair);

        // A council member finds the Alert in the queue, assigns it, routes it and records the outcome.
        var council = await session.NewPageAsync();
        await session.SignInAsync(council, DemoData.CouncilEmail);
        await council.GotoAsync("/council");
        await session.ScreenshotAsync(council, "triple-a-council-home");
        await BrowserSession.AssertAccessibleAsync(council);
        await council.GotoAsync("/council/escalations?category=Alert");
        await session.ScreenshotAsync(council, "triple-a-queue");
        await BrowserSession.AssertAccessibleAsync(council);
        await council.GetByRole(AriaRole.Link, new() { Name = "Rising vacancy rates", Exact = true }).ClickAsync();
        await council.GetByLabel("Assign a council member to review it").SelectOptionAsync(new SelectOptionValue { Label = "Dr Priya Raman" });
        await council.GetByRole(AriaRole.Button, new() { Name = "Assign" }).ClickAsync();
        await council.GetByLabel("Route it to").SelectOptionAsync(new SelectOptionValue { Label = "The regional leads group" });
        await council.GetByRole(AriaRole.Button, new() { Name = "Route point" }).ClickAsync();
        await Assertions.Expect(council.Locator("#point-status")).ToHaveTextAsync("Routed");
        await council.GetByLabel("Outcome").FillAsync("The regional leads group will fund two posts.");
        await session.ScreenshotAsync(council, "triple-a-point");
        await BrowserSession.AssertAccessibleAsync(council);
        await council.GetByRole(AriaRole.Button, new() { Name = "Record outcome" }).ClickAsync();
        await Assertions.Expect(council.Locator(".nhsuk-notification-banner--success")).ToContainTextAsync("Outcome recorded");

        // The chair sees the outcome on the report page.
        await chair.GotoAsync(reportUrl);
        await Assertions.Expect(chair.Locator(".app-outcome")).ToHaveTextAsync("The regional leads group will fund two posts.");
        await session.ScreenshotAsync(chair, "triple-a-outcome");
        await BrowserSession.AssertAccessibleAsync(chair);
        Assert.Equal(PointStatus.OutcomeRecorded, await session.Portal.WithDbAsync(db => db.EscalationPoints.Where(p => p.Title == "Rising vacancy rates").Select(p => p.Status).SingleAsync()));
    }
}
