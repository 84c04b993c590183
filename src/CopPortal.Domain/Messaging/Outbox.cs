using CopPortal.Domain.Data;

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
}
