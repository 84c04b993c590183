using CopPortal.Domain.Joining;
using CopPortal.Domain.Messaging;
using CopPortal.Domain.Privacy;
using CopPortal.Web.Infrastructure.Privacy;
using CopPortal.Web.Infrastructure.Scheduling;
using CopPortal.Web.Tests.Joining;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CopPortal.Domain.Links;

namespace CopPortal.Web.Tests.Privacy;

public sealed class RetentionTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    private async Task<int> RequestAsync(string email, string slug, JoinRequestStatus status, int daysAgo)
    {
        if (!await _portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)))
        {
            await _portal.CreateApplicantAsync(email, "Retained Person");
        }
        var id = await _portal.SubmitAsync(email, slug);
        await _portal.WithDbAsync(async db =>
        {
            var request = await db.JoinRequests.SingleAsync(r => r.Id == id);
            var at = _portal.Clock.GetUtcNow().AddDays(-daysAgo);
            request.Status = status;
            request.SubmittedAt = at.AddDays(-7);
            request.DecidedAt = status is JoinRequestStatus.Declined or JoinRequestStatus.Approved ? at : null;
            await db.SaveChangesAsync();
        });
        return id;
    }

    private Task<Guid> MailAsync(OutboxStatus status, int daysAgo) =>
        _portal.WithDbAsync(async db =>
        {
            var at = _portal.Clock.GetUtcNow().AddDays(-daysAgo);
            var message = new OutboxMessage
            {
                Id = Guid.NewGuid(), Kind = "test", ToAddress = "someone@nhs.net", Subject = "Test", TextBody = "Body",
                Status = status, CreatedAt = at, NextAttemptAt = at, SentAt = status == OutboxStatus.Sent ? at : null,
            };
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });

    public RetentionTests()
    {
        // The test host turns the purge off; these tests run it through the job scheduler with their own clock.
        _portal.Settings["Retention:PurgeEnabled"] = "true";
    }

    private async Task<RetentionPurge.Result> RunAsync()
    {
        RetentionPurge.Result? result = null;
        await _portal.WithServicesAsync(async sp => result = await sp.GetRequiredService<RetentionPurge>().PurgeAsync());
        return result!;
    }

    /// <summary>One pass of the job scheduler for the purge job; true when it ran.</summary>
    private async Task<bool> ScheduledRunAsync()
    {
        IReadOnlyList<string> ran = [];
        await _portal.WithServicesAsync(async sp => ran = await sp.GetRequiredService<JobScheduler>().RunDueAsync(RetentionPurgeJob.JobName));
        return ran.Contains(RetentionPurgeJob.JobName);
    }

    [Fact]
    public async Task Purge_deletes_old_declined_requests_and_old_sent_mail_only()
    {
        var oldDeclined = await RequestAsync("old.declined@nhs.net", JoiningTestData.Caps, JoinRequestStatus.Declined, 366);
        var recentDeclined = await RequestAsync("recent.declined@nhs.net", JoiningTestData.Caps, JoinRequestStatus.Declined, 364);
        var oldApproved = await RequestAsync("old.approved@nhs.net", JoiningTestData.Caps, JoinRequestStatus.Approved, 500);
        var oldPending = await RequestAsync("old.pending@nhs.net", JoiningTestData.Caps, JoinRequestStatus.Pending, 500);
        await _portal.WithDbAsync(db => db.OutboxMessages.ExecuteDeleteAsync());
        var oldSent = await MailAsync(OutboxStatus.Sent, 91);
        var recentSent = await MailAsync(OutboxStatus.Sent, 89);
        var oldFailed = await MailAsync(OutboxStatus.Failed, 200);
        var oldPendingMail = await MailAsync(OutboxStatus.Pending, 200);
        var auditBefore = await _portal.WithDbAsync(db => db.AuditEntries.CountAsync());

        var result = await RunAsync();

        Assert.Equal(new RetentionPurge.Result(1, 1), result);
        var requests = await _portal.WithDbAsync(db => db.JoinRequests.Select(r => r.Id).ToListAsync());
        Assert.DoesNotContain(oldDeclined, requests);
        Assert.Contains(recentDeclined, requests);
        Assert.Contains(oldApproved, requests);
        Assert.Contains(oldPending, requests);
        var mail = await _portal.WithDbAsync(db => db.OutboxMessages.Select(m => m.Id).ToListAsync());
        Assert.Equal(new[] { recentSent, oldFailed, oldPendingMail }.Order(), mail.Order());
        Assert.DoesNotContain(oldSent, mail);

        // Audited with counts; the rows about the deleted request stay but no longer hold the applicant's answers.
        var purge = await _portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == RetentionPurge.Action));
        Assert.Equal("{\"DeclinedJoinRequestsDeleted\":1,\"SentEmailsDeleted\":1}", purge.Changes);
        Assert.True(await _portal.WithDbAsync(db => db.AuditEntries.CountAsync()) > auditBefore);
        var rows = await _portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(JoinRequest) && a.EntityId == oldDeclined.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync());
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.DoesNotContain("An answer", r.Changes ?? "", StringComparison.Ordinal));

    }

    [Fact]
    public async Task Scheduled_purge_runs_once_a_day_from_three_in_the_morning()
    {
        var declined = await RequestAsync("recent.declined@nhs.net", JoiningTestData.Caps, JoinRequestStatus.Declined, 364);
        // 18 November, 10:00 in London: today's 03:00 run is due, and runs once.
        Assert.True(await ScheduledRunAsync());
        Assert.False(await ScheduledRunAsync());
        Assert.True(await _portal.WithDbAsync(db => db.JoinRequests.AnyAsync(r => r.Id == declined)));

        // Two days on, at 02:00 the day's run is not yet due; at 03:00 it runs, and the request is past its period.
        _portal.Clock.Set(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
        Assert.False(await ScheduledRunAsync());
        Assert.True(await _portal.WithDbAsync(db => db.JoinRequests.AnyAsync(r => r.Id == declined)));
        _portal.Clock.Set(new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero));
        Assert.True(await ScheduledRunAsync());
        Assert.False(await _portal.WithDbAsync(db => db.JoinRequests.AnyAsync(r => r.Id == declined)));
    }

    [Fact]
    public async Task Purge_and_privacy_page_use_the_configured_periods()
    {
        _portal.Settings["Retention:DeclinedJoinRequestsDays"] = "30";
        _portal.Settings["Retention:SentMailDays"] = "14";
        var declined = await RequestAsync("month.declined@nhs.net", JoiningTestData.Caps, JoinRequestStatus.Declined, 31);
        await _portal.WithDbAsync(db => db.OutboxMessages.ExecuteDeleteAsync());
        await MailAsync(OutboxStatus.Sent, 15);

        Assert.Equal(new RetentionPurge.Result(1, 1), await RunAsync());
        Assert.False(await _portal.WithDbAsync(db => db.JoinRequests.AnyAsync(r => r.Id == declined)));

        var text = (await _portal.CreateBrowserClient().GetPageAsync(PortalPaths.Privacy)).QuerySelector("#retention")!.TextContent;
        Assert.Contains("declined: 30 days after the decision", text, StringComparison.Ordinal);
        Assert.Contains("sent you: 14 days after sending", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Privacy_page_shows_the_default_periods()
    {
        var text = (await _portal.CreateBrowserClient().GetPageAsync(PortalPaths.Privacy)).QuerySelector("#retention")!.TextContent;
        Assert.Contains("declined: 1 year after the decision", text, StringComparison.Ordinal);
        Assert.Contains("sent you: 90 days after sending", text, StringComparison.Ordinal);
    }

    public void Dispose() => _portal.Dispose();
}
