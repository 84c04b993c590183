using CopPortal.Domain.Data;
using CopPortal.Domain.Messaging;
using CopPortal.Web.Infrastructure.Email;
using CopPortal.Web.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopPortal.Web.Tests.Notifications;

/// <summary>Small helpers the notification tests share: choices, topic emails, a dispatcher pass and a summary run.</summary>
internal static class NotificationTestData
{
    public static Task ChooseAsync(this PortalFactory portal, string userId, EmailTopic topic, EmailDelivery delivery) =>
        portal.WithDbAsync(async db =>
        {
            db.NotificationPreferences.Add(new NotificationPreference { UserId = userId, Topic = topic, Delivery = delivery, UpdatedAt = portal.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        });

    public static async Task<Guid> EnqueueTopicAsync(this PortalFactory portal, Domain.People.PortalUser user, EmailTopic topic, string subject, string body = "Dear Jo,\n\nSomething happened.", string? calendar = null)
    {
        var id = Guid.Empty;
        await portal.WithServicesAsync(async sp =>
        {
            var message = sp.GetRequiredService<Outbox>().Enqueue("test." + topic, user.Email!, user.DisplayName, subject, body, calendar, topic, user.Id);
            await sp.GetRequiredService<CopDbContext>().SaveChangesAsync();
            id = message.Id;
        });
        return id;
    }

    /// <summary>One pass of the outbox processor; returns how many emails went out.</summary>
    public static async Task<int> DeliverAsync(this PortalFactory portal)
    {
        var delivered = 0;
        await portal.WithServicesAsync(async sp => delivered = await sp.GetRequiredService<OutboxProcessor>().DeliverDueAsync(50, default));
        return delivered;
    }

    /// <summary>One pass of the job scheduler for the daily summary only.</summary>
    public static async Task<IReadOnlyList<string>> RunDigestJobAsync(this PortalFactory portal)
    {
        IReadOnlyList<string> ran = [];
        await portal.WithServicesAsync(async sp => ran = await sp.GetRequiredService<JobScheduler>().RunDueAsync(NotificationDigestJob.JobName));
        return ran;
    }

    public static Task<OutboxMessage> MessageAsync(this PortalFactory portal, Guid id) =>
        portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    public static async Task<List<OutboxMessage>> DigestsAsync(this PortalFactory portal) =>
        (await portal.OutboxAsync()).Where(m => m.Kind == NotificationDigest.EmailKind).ToList();
}
