using System.Net.Security;

namespace CopPortal.Web.Infrastructure.Email;

public enum MailTransportKind
{
    /// <summary>Writes .eml files to a folder (default: {DataDirectory}/mail).</summary>
    Pickup,

    /// <summary>Delivers through an SMTP server.</summary>
    Smtp,
}

/// <summary>How the SMTP connection is secured (Mail:SmtpSecurity).</summary>
public enum SmtpSecurity
{
    /// <summary>No TLS: a relay on the same host or private network (or Mailpit in docker-compose).</summary>
    None,

    /// <summary>Connect in plain text, then upgrade with STARTTLS (usually port 587); refuses a server without it.</summary>
    StartTls,

    /// <summary>TLS from the first byte ("implicit TLS", usually port 465).</summary>
    SslOnConnect,
}

public sealed class MailOptions
{
    public MailTransportKind Transport { get; set; } = MailTransportKind.Pickup;
    public string FromAddress { get; set; } = "no-reply@copportal.local";
    public string FromName { get; set; } = "CopPortal";

    /// <summary>Where replies go: the network team's address. Empty means Network:ContactEmail.</summary>
    public string? ReplyTo { get; set; }
    public string? PickupDirectory { get; set; }
    public string SmtpHost { get; set; } = "localhost";
    public int SmtpPort { get; set; } = 25;

    /// <summary>None, StartTls or SslOnConnect. When not set, SmtpStartTls=true means StartTls (the older setting).</summary>
    public SmtpSecurity? SmtpSecurity { get; set; }
    public bool SmtpStartTls { get; set; }
    public string? SmtpUserName { get; set; }
    public string? SmtpPassword { get; set; }
    public int SmtpTimeoutSeconds { get; set; } = 30;

    /// <summary>An SMTP connection left unused this long is closed; consecutive sends within it share one connection.</summary>
    public TimeSpan SmtpIdleTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Not a setting: lets tests trust their own self-signed certificate. Null means the system's validation.</summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidation { get; set; }

    /// <summary>Attempts before a message is marked Failed and shown to staff.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>First retry delay; each further retry doubles it.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a claimed message is reserved for one dispatcher before another may retry it.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public SmtpSecurity EffectiveSmtpSecurity => SmtpSecurity ?? (SmtpStartTls ? Email.SmtpSecurity.StartTls : Email.SmtpSecurity.None);
}
