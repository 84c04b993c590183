using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CopPortal.BrowserTests.Joining;

/// <summary>A member applies; staff process the request in the queue; the applicant sees the result and the email.</summary>
public sealed class JoiningJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string ApplicantEmail = "journey.cap@test.nhs.uk";

    [Fact]
    public async Task Member_applies_staff_approve_in_the_queue_and_the_applicant_sees_the_result()
    {
        await CreateApplicantAsync();

        // The applicant fills in the form, first leaving out their job title.
        var applicant = await session.NewPageAsync();
        await session.SignInAsync(applicant, ApplicantEmail);
        await applicant.GotoAsync("/communities/clinical-associate-in-psychology/join");
        await Assertions.Expect(applicant.GetByRole(AriaRole.Heading, new() { Name = "Ask to join this community" })).ToBeVisibleAsync();
        await applicant.GetByLabel("Job title").FillAsync("");
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await Assertions.Expect(applicant.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter your job title");
        await session.ScreenshotAsync(applicant, "joining-form-error");
        await BrowserSession.AssertAccessibleAsync(applicant);

        await applicant.GetByLabel("Job title").FillAsync("Clinical Associate in Psychology");
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await Assertions.Expect(applicant.GetByRole(AriaRole.Heading, new() { Name = "Equality and diversity monitoring (optional)" })).ToBeVisibleAsync();
        await session.ScreenshotAsync(applicant, "joining-monitoring");
        await BrowserSession.AssertAccessibleAsync(applicant);
        await applicant.GetByRole(AriaRole.Link, new() { Name = "Skip these questions" }).ClickAsync();
        await Assertions.Expect(applicant.Locator("main")).ToContainTextAsync("Clinical Associate in Psychology");
        await Assertions.Expect(applicant.Locator("main .nhsuk-tag").First).ToHaveTextAsync("Pending");
        await session.ScreenshotAsync(applicant, "joining-my");
        await BrowserSession.AssertAccessibleAsync(applicant);

        // Staff find it in this week's group of the queue and approve it from the review page.
        var staff = await session.NewPageAsync();
        await session.SignInAsync(staff, DemoData.StaffEmail);
        await staff.GotoAsync("/staff/join-requests");
        await Assertions.Expect(staff.Locator("h2.app-week-heading").Last).ToContainTextAsync("Week beginning 16 November 2026");
        await session.ScreenshotAsync(staff, "joining-queue");
        await BrowserSession.AssertAccessibleAsync(staff);
        // The week tables' columns line up, and the filters fill their columns (the stylesheet applies).
        var applicantColumnWidths = await staff.EvalOnSelectorAllAsync<int[]>(".app-queue-table th:first-child", "cells => cells.map(c => Math.round(c.getBoundingClientRect().width))");
        Assert.True(applicantColumnWidths.Length > 1);
        Assert.Single(applicantColumnWidths.Distinct());
        var filterFillsColumn = await staff.EvalOnSelectorAsync<bool>("#community-name", "s => Math.abs(s.getBoundingClientRect().width - s.parentElement.getBoundingClientRect().width) < 2");
        Assert.True(filterFillsColumn);

        await staff.GotoAsync("/staff/join-requests/bulk-approve");
        await Assertions.Expect(staff.Locator("h1")).ToContainTextAsync("Approve");
        await session.ScreenshotAsync(staff, "joining-bulk-approve");
        await BrowserSession.AssertAccessibleAsync(staff);

        await staff.GotoAsync("/staff/join-requests");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Journey Applicant" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Journey Applicant" })).ToBeVisibleAsync();
        await session.ScreenshotAsync(staff, "joining-review");
        await BrowserSession.AssertAccessibleAsync(staff);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Approve request" }).ClickAsync();
        await Assertions.Expect(staff.Locator(".nhsuk-notification-banner--success")).ToContainTextAsync("Journey Applicant is now a member of Clinical Associate in Psychology");

        // The applicant sees the result and has the welcome email.
        await applicant.GotoAsync("/my");
        await Assertions.Expect(applicant.Locator("main .nhsuk-tag").First).ToHaveTextAsync("Approved");
        await Assertions.Expect(applicant.Locator("main table").First).ToContainTextAsync("Member");
        var mail = await session.Portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == ApplicantEmail && m.Kind == JoinRequestService.ApprovedEmail));
        Assert.Equal("Welcome to Clinical Associate in Psychology", mail.Subject);
        Assert.Contains("You are now a member", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chair_edits_eligibility_and_staff_read_the_equality_report_without_axe_violations()
    {
        var chair = await session.NewPageAsync();
        await session.SignInAsync(chair, DemoData.ChairEmail);
        await chair.GotoAsync("/communities/psychological-practitioners/terms/eligibility");
        // The NHS.UK date input: day, month and year boxes in a group named by its legend.
        var opens = chair.GetByRole(AriaRole.Group, new() { Name = "Applications open" });
        await opens.GetByLabel("Day").FillAsync("20");
        await opens.GetByLabel("Month").FillAsync("12");
        await opens.GetByLabel("Year").FillAsync("2026");
        var closes = chair.GetByRole(AriaRole.Group, new() { Name = "Applications close" });
        await closes.GetByLabel("Day").FillAsync("1");
        await closes.GetByLabel("Month").FillAsync("12");
        await closes.GetByLabel("Year").FillAsync("2026");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }).ClickAsync();
        await Assertions.Expect(chair.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter a summary of what changed");
        await Assertions.Expect(chair.Locator(".nhsuk-error-summary")).ToContainTextAsync("The closing date must be the same as or after the opening date");
        await Assertions.Expect(closes.GetByLabel("Day")).ToHaveValueAsync("1");
        await session.ScreenshotAsync(chair, "joining-eligibility-error");
        await BrowserSession.AssertAccessibleAsync(chair);

        var staff = await session.NewPageAsync();
        await session.SignInAsync(staff, DemoData.StaffEmail);
        await staff.GotoAsync("/staff/equality");
        // One answer given this month: the report waits for whole months and at least 10 answers.
        await Assertions.Expect(staff.Locator("#equality-period")).ToContainTextAsync("not yet enough answers");
        await BrowserSession.AssertAccessibleAsync(staff);
    }

    private async Task CreateApplicantAsync()
    {
        var user = await session.Portal.CreateUserAsync(ApplicantEmail, "Journey Applicant");
        await session.Portal.WithDbAsync(async db =>
        {
            var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
            stored.ProfessionId = await db.Professions.Where(p => p.Abbreviation == "CAP").Select(p => p.Id).SingleAsync();
            stored.CareerStage = CareerStage.Qualified;
            stored.JobTitle = "Clinical Associate in Psychology";
            await db.SaveChangesAsync();
        });
    }
}
