using CopPortal.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Messaging;

/// <summary>Queues mail in the caller's unit of work; nothing is sent until SaveChanges commits it.</summary>
public class Outbox(CopDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Queues one email. Give <paramref name="topic"/> and <paramref name="userId"/> for every email a person can choose
    /// about on /my/notifications (forum replies, minutes, invitations…): the person's choice is applied to it and it
    /// carries a one-click unsubscribe for its topic. Account and security emails pass neither and always go.
    /// </summary>
    public OutboxMessage Enqueue(string kind, string toAddress, string? toName, string subject, string textBody, string? calendar = null, EmailTopic? topic = null, string? userId = null)
    {
        var now = clock.GetUtcNow();
        var message = new OutboxMessage
        {
            Id = Guid.NewGuid(),
            Kind = kind,
            ToAddress = toAddress,
            ToName = toName,
            Subject = subject,
            TextBody = textBody,
            CalendarAttachment = calendar,
            Topic = topic,
            UserId = userId,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.OutboxMessages.Add(message);
        return message;
    }

    /// <summary>How many emails of a kind were queued to an address after a time (limits on emails anyone can trigger).</summary>
    public Task<int> CountQueuedAfterAsync(string kind, string toAddress, DateTimeOffset after, CancellationToken cancellationToken = default) =>
        db.OutboxMessages.CountAsync(m => m.Kind == kind && m.ToAddress == toAddress && m.CreatedAt > after, cancellationToken);
}
