using CopPortal.Domain.Messaging;
using CopPortal.Web.Accounts;
using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopPortal.Web.Tests.Notifications;

/// <summary>Each person's choice applied to real outbox messages by the real processor, and the daily summary run by the job scheduler.</summary>
public sealed class NotificationDeliveryTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    // The clock starts on Wednesday 18 November 2026 at 10:00 UTC (London is on GMT then).
    private static readonly DateTimeOffset ThursdayBeforeSeven = new(2026, 11, 19, 6, 59, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ThursdayAtSeven = new(2026, 11, 19, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Topic_turned_off_is_not_delivered_and_marked_skipped()
    {
        var jo = await _portal.CreateUserAsync("jo.off@test.nhs.uk", "Jo Off");
        await _portal.ChooseAsync(jo.Id, EmailTopic.ForumReplies, EmailDelivery.Off);
        var id = await _portal.EnqueueTopicAsync(jo, EmailTopic.ForumReplies, "New reply in Waiting lists");

        Assert.Equal(0, await _portal.DeliverAsync());
        var message = await _portal.MessageAsync(id);
        Assert.Equal((OutboxStatus.Skipped, 0, (DateTimeOffset?)null), (message.Status, message.Attempts, message.SentAt));
        // Off for one topic leaves the others alone.
        var other = await _portal.EnqueueTopicAsync(jo, EmailTopic.Actions, "An action for you");
        Assert.Equal(1, await _portal.DeliverAsync());
        Assert.Equal(OutboxStatus.Sent, (await _portal.MessageAsync(other)).Status);
    }

    [Fact]
    public async Task Without_a_choice_or_with_straight_away_a_topic_email_is_sent_at_once()
    {
        var jo = await _portal.CreateUserAsync("jo.now@test.nhs.uk", "Jo Now");
        await _portal.ChooseAsync(jo.Id, EmailTopic.MinutesAndAgendas, EmailDelivery.Immediately);
        var chosen = await _portal.EnqueueTopicAsync(jo, EmailTopic.MinutesAndAgendas, "Minutes published");
        var unchosen = await _portal.EnqueueTopicAsync(jo, EmailTopic.ForumReplies, "New reply");

        Assert.Equal(2, await _portal.DeliverAsync());
        Assert.Equal(OutboxStatus.Sent, (await _portal.MessageAsync(chosen)).Status);
        Assert.Equal(OutboxStatus.Sent, (await _portal.MessageAsync(unchosen)).Status);
    }

    [Fact]
    public async Task Account_emails_are_sent_even_when_every_topic_is_off()
    {
        var jo = await _portal.CreateUserAsync("jo.account@test.nhs.uk", "Jo Account");
        foreach (var topic in EmailTopics.All)
        {
            await _portal.ChooseAsync(jo.Id, topic, EmailDelivery.Off);
        }
        Guid id = default;
        await _portal.WithServicesAsync(async sp =>
        {
            id = sp.GetRequiredService<AccountEmails>().QueuePasswordChanged(jo, _portal.Clock.GetUtcNow()).Id;
            await sp.GetRequiredService<CopDbContext>().SaveChangesAsync();
        });

        Assert.Equal(1, await _portal.DeliverAsync());
        Assert.Equal(OutboxStatus.Sent, (await _portal.MessageAsync(id)).Status);
    }

    [Fact]
    public async Task A_calendar_invitation_is_never_held_for_the_summary()
    {
        var jo = await _portal.CreateUserAsync("jo.calendar@test.nhs.uk", "Jo Calendar");
        // The settings page refuses this choice; a row written another way must still not hold an invitation.
        await _portal.ChooseAsync(jo.Id, EmailTopic.MeetingInvitations, EmailDelivery.DailyDigest);
        var id = await _portal.EnqueueTopicAsync(jo, EmailTopic.MeetingInvitations, "Invitation: core team meeting", calendar: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");

        Assert.Equal(1, await _portal.DeliverAsync());
        Assert.Equal(OutboxStatus.Sent, (await _portal.MessageAsync(id)).Status);
    }

    [Fact]
    public async Task Daily_summary_combines_two_topics_into_one_email_the_next_morning_and_nothing_before()
    {
        var jo = await _portal.CreateUserAsync("jo.digest@test.nhs.uk", "Jo Digest");
        await _portal.ChooseAsync(jo.Id, EmailTopic.ForumReplies, EmailDelivery.DailyDigest);
        await _portal.ChooseAsync(jo.Id, EmailTopic.MinutesAndAgendas, EmailDelivery.DailyDigest);
        var first = await _portal.EnqueueTopicAsync(jo, EmailTopic.ForumReplies, "New reply in Waiting lists", "Dear Jo Digest,\n\nSam replied: try the new triage form.");
        var second = await _portal.EnqueueTopicAsync(jo, EmailTopic.ForumReplies, "New reply in Supervision", "Dear Jo Digest,\n\nAlex replied: fortnightly works for us.");
        var minutes = await _portal.EnqueueTopicAsync(jo, EmailTopic.MinutesAndAgendas, "Minutes of the November meeting", "Dear Jo Digest,\n\nThe minutes are published.");

        // Held, not sent; and nothing goes before 07:00 London the next morning.
        Assert.Equal(0, await _portal.DeliverAsync());
        Assert.All([first, second, minutes], id => Assert.Equal(OutboxStatus.Held, _portal.MessageAsync(id).Result.Status));
        _portal.Clock.Set(ThursdayBeforeSeven);
        Assert.Empty(await _portal.RunDigestJobAsync());
        Assert.Empty(await _portal.DigestsAsync());

        _portal.Clock.Set(ThursdayAtSeven);
        Assert.Single(await _portal.RunDigestJobAsync());
        var digest = Assert.Single(await _portal.DigestsAsync());
        Assert.Equal(("jo.digest@test.nhs.uk", jo.Id, (EmailTopic?)null), (digest.ToAddress, digest.UserId, digest.Topic));
        Assert.StartsWith("Your daily summary: 3 updates", digest.Subject, StringComparison.Ordinal);
        var body = digest.TextBody;
        Assert.Contains("## Agendas and minutes", body, StringComparison.Ordinal);
        Assert.Contains("## Forum replies", body, StringComparison.Ordinal);
        Assert.True(body.IndexOf("## Agendas and minutes", StringComparison.Ordinal) < body.IndexOf("## Forum replies", StringComparison.Ordinal), "sections follow the settings page's order");
        Assert.Contains("New reply in Waiting lists", body, StringComparison.Ordinal);
        Assert.Contains("Sam replied: try the new triage form.", body, StringComparison.Ordinal);
        Assert.Contains("Alex replied: fortnightly works for us.", body, StringComparison.Ordinal);
        Assert.Contains("The minutes are published.", body, StringComparison.Ordinal);
        Assert.Contains("http://localhost/my/notifications", body, StringComparison.Ordinal);
        Assert.All([first, second, minutes], id => Assert.Equal(OutboxStatus.Digested, _portal.MessageAsync(id).Result.Status));

        // The summary itself goes out (it is not a topic email, so no choice holds it).
        Assert.Equal(1, await _portal.DeliverAsync());
        Assert.Equal(OutboxStatus.Sent, (await _portal.MessageAsync(digest.Id)).Status);
    }

    [Fact]
    public async Task Daily_summary_is_queued_once_across_two_runs_and_two_instances()
    {
        var jo = await _portal.CreateUserAsync("jo.once@test.nhs.uk", "Jo Once");
        await _portal.ChooseAsync(jo.Id, EmailTopic.Actions, EmailDelivery.DailyDigest);
        await _portal.EnqueueTopicAsync(jo, EmailTopic.Actions, "An action for you");
        Assert.Equal(0, await _portal.DeliverAsync());

        using var second = new PortalFactory(_portal);
        _portal.Clock.Set(ThursdayAtSeven);
        second.Clock.Set(ThursdayAtSeven);
        // Both instances at once, then each again later the same morning.
        var runs = await Task.WhenAll(Task.Run(_portal.RunDigestJobAsync), Task.Run(second.RunDigestJobAsync));
        Assert.Equal(1, runs.Sum(r => r.Count));
        _portal.Clock.Set(ThursdayAtSeven.AddHours(2));
        second.Clock.Set(ThursdayAtSeven.AddHours(2));
        Assert.Empty(await _portal.RunDigestJobAsync());
        Assert.Empty(await second.RunDigestJobAsync());
        // Even run directly, outside the scheduler, a second pass finds nothing left to summarise.
        await second.WithServicesAsync(async sp => Assert.Equal(0, await sp.GetRequiredService<NotificationDigest>().QueueAsync()));
        Assert.Single(await _portal.DigestsAsync());

        // The next morning there is nothing new, so no empty summary.
        _portal.Clock.Set(ThursdayAtSeven.AddDays(1));
        Assert.Single(await _portal.RunDigestJobAsync());
        Assert.Single(await _portal.DigestsAsync());
    }

    [Fact]
    public async Task A_join_decision_to_the_applicant_carries_the_join_decisions_topic_and_their_account()
    {
        string applicantId = "";
        var before = (await _portal.OutboxAsync()).Select(m => m.Id).ToHashSet();
        await _portal.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<CopDbContext>();
            var request = await db.JoinRequests.FirstAsync(r => r.Status == JoinRequestStatus.Pending);
            applicantId = request.ApplicantId;
            var staff = await db.Users.FirstAsync(u => u.Email == "staff@demo.nhs.uk");
            await sp.GetRequiredService<JoinRequestService>().DeclineAsync(request, staff.Id, "The community is for practitioners in the Midlands");
            await db.SaveChangesAsync();
        });
        var declined = Assert.Single(await _portal.OutboxAsync(), m => m.Kind == JoinRequestService.DeclinedEmail && !before.Contains(m.Id));
        Assert.Equal((EmailTopic.JoinDecisions, applicantId), (declined.Topic, declined.UserId));

        // So the applicant's choice applies to it.
        await _portal.ChooseAsync(applicantId, EmailTopic.JoinDecisions, EmailDelivery.Off);
        await _portal.DeliverAsync();
        Assert.Equal(OutboxStatus.Skipped, (await _portal.MessageAsync(declined.Id)).Status);
    }
}
