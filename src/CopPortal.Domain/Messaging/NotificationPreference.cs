using CopPortal.Domain.Data;
using CopPortal.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CopPortal.Domain.Messaging;

/// <summary>
/// The kinds of email a person chooses about on /my/notifications. Each outbox kind ("forum.reply",
/// "meeting.invitation") belongs to one topic by its prefix; account and security emails belong to none and always go.
/// </summary>
public enum EmailTopic
{
    JoinDecisions = 0,
    MeetingInvitations = 1,
    MinutesAndAgendas = 2,
    ForumReplies = 3,
    Actions = 4,
    Escalations = 5,
}

public enum EmailDelivery
{
    Immediately = 0,
    DailyDigest = 1,
    Off = 2,
}

/// <summary>One person's choice for one topic. No row means the topic's default (<see cref="NotificationPreferences.Default"/>).</summary>
public class NotificationPreference
{
    public string UserId { get; set; } = "";
    public EmailTopic Topic { get; set; }
    public EmailDelivery Delivery { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> e)
    {
        e.HasKey(p => new { p.UserId, p.Topic });
        e.HasOne<PortalUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// Reads people's email choices, the one place that turns stored rows (or their absence) into a delivery: senders
/// ask before enqueueing a message of a topic, and the outbox dispatcher asks before sending one.
/// </summary>
public sealed class NotificationPreferences(CopDbContext db)
{
    /// <summary>Everything is sent straight away unless a person chooses otherwise.</summary>
    public static EmailDelivery Default(EmailTopic topic) => EmailDelivery.Immediately;

    public async Task<EmailDelivery> DeliveryAsync(string userId, EmailTopic topic, CancellationToken cancellationToken = default)
    {
        var chosen = await db.NotificationPreferences.AsNoTracking()
            .Where(p => p.UserId == userId && p.Topic == topic)
            .Select(p => (EmailDelivery?)p.Delivery)
            .FirstOrDefaultAsync(cancellationToken);
        return chosen ?? Default(topic);
    }

    /// <summary>The choices of many people at once (for a mailing to a whole CoP): one query, defaults filled in.</summary>
    public async Task<Dictionary<string, EmailDelivery>> DeliveriesAsync(IReadOnlyCollection<string> userIds, EmailTopic topic, CancellationToken cancellationToken = default)
    {
        var chosen = await db.NotificationPreferences.AsNoTracking()
            .Where(p => p.Topic == topic && userIds.Contains(p.UserId))
            .ToDictionaryAsync(p => p.UserId, p => p.Delivery, StringComparer.Ordinal, cancellationToken);
        return userIds.Distinct(StringComparer.Ordinal)
            .ToDictionary(id => id, id => chosen.TryGetValue(id, out var d) ? d : Default(topic), StringComparer.Ordinal);
    }

    /// <summary>What to do with each message of a batch addressed to people about topics: one query for all of them.</summary>
    public async Task<Dictionary<Guid, EmailDelivery>> DeliveriesAsync(IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var chosen = messages.Where(m => m.Topic is not null && m.UserId is not null).ToList();
        if (chosen.Count == 0)
        {
            return [];
        }
        var userIds = chosen.Select(m => m.UserId!).Distinct(StringComparer.Ordinal).ToList();
        var choices = await db.NotificationPreferences.AsNoTracking()
            .Where(p => userIds.Contains(p.UserId))
            .ToDictionaryAsync(p => (p.UserId, p.Topic), p => p.Delivery, cancellationToken);
        return chosen.ToDictionary(m => m.Id, m =>
        {
            var topic = m.Topic!.Value;
            var choice = choices.TryGetValue((m.UserId!, topic), out var c) ? c : Default(topic);
            return EmailTopics.Apply(choice, !string.IsNullOrEmpty(m.CalendarAttachment));
        });
    }
}
