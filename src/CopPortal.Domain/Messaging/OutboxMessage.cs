namespace CopPortal.Domain.Messaging;

/// <summary>
/// An email waiting to go, written in the same transaction as the change that caused it.
/// The background dispatcher delivers it, retries with back-off, and records the outcome.
/// </summary>
public class OutboxMessage
{
    public Guid Id { get; set; }
    public string ToAddress { get; set; } = "";
    public string? ToName { get; set; }
    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";

    /// <summary>Optional calendar attachment (RFC 5545 text) for meeting invitations.</summary>
    public string? CalendarAttachment { get; set; }

    /// <summary>Why the message was sent, e.g. "join-request.approved"; lets tests and staff find it.</summary>
    public string Kind { get; set; } = "";
    /// <summary>The /my/notifications topic the email belongs to, if a person may choose about it.</summary>
    public EmailTopic? Topic { get; set; }

    /// <summary>The recipient's account, when the email is about a topic (their choice and unsubscribe apply).</summary>
    public string? UserId { get; set; }
    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>
    /// The lease: while a dispatcher is delivering, nobody else may claim the message until this time. Set only by
    /// a conditional update, so of several instances exactly one holds it.
    /// </summary>
    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>The instance holding the lease (see PortalInstance); the outcome is recorded only by that instance.</summary>
    public string? LockedBy { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>Stable RFC 5322 Message-ID so a receiver can recognise a repeat delivery.</summary>
    public string MessageIdHeader => $"<{Id:N}@copportal>";
}

public enum OutboxStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,

    /// <summary>Not sent: the person turned this topic off on /my/notifications.</summary>
    Skipped = 3,

    /// <summary>Waiting for the person's daily summary (they chose it for this topic).</summary>
    Held = 4,

    /// <summary>Sent as part of a daily summary email instead of on its own.</summary>
    Digested = 5,
}
