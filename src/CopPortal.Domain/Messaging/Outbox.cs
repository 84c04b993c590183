using CopPortal.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Messaging;

/// <summary>Queues mail in the caller's unit of work; nothing is sent until SaveChanges commits it.</summary>
public class Outbox(CopDbContext db, TimeProvider clock)
{
    public OutboxMessage Enqueue(string kind, string toAddress, string? toName, string subject, string textBody, string? calendar = null)
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
