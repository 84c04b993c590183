namespace CopPortal.Web.Infrastructure.Email;

public enum MailTransportKind
{
    /// <summary>Writes .eml files to a folder (default: {DataDirectory}/mail).</summary>
    Pickup,

    /// <summary>Delivers through an SMTP server.</summary>
    Smtp,
}

public sealed class MailOptions
{
    public MailTransportKind Transport { get; set; } = MailTransportKind.Pickup;
    public string FromAddress { get; set; } = "no-reply@copportal.local";
    public string FromName { get; set; } = "CopPortal";
    public string? PickupDirectory { get; set; }
    public string SmtpHost { get; set; } = "localhost";
    public int SmtpPort { get; set; } = 25;
    public bool SmtpStartTls { get; set; }
    public string? SmtpUserName { get; set; }
    public string? SmtpPassword { get; set; }
    public int SmtpTimeoutSeconds { get; set; } = 30;

    /// <summary>Attempts before a message is marked Failed and shown to staff.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>First retry delay; each further retry doubles it.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a claimed message is reserved for one dispatcher before another may retry it.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
