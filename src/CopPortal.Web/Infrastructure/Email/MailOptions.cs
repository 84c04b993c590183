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

    /// <summary>
    /// Attempts before a message is marked Failed and shown to staff. With the default delays (30 s doubling to a
    /// cap of 2 hours) the 20th attempt comes about 24 hours after the first: a mail server down overnight is ridden out.
    /// </summary>
    public int MaxAttempts { get; set; } = 20;

    /// <summary>An SMTP connection left unused this long is closed; consecutive sends within it share one connection.</summary>
    public TimeSpan SmtpIdleTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Not a setting: lets tests trust their own self-signed certificate. Null means the system's validation.</summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidation { get; set; }

    /// <summary>First retry delay; each further retry doubles it, up to RetryMaxDelay.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(2);
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a claimed message is reserved for one dispatcher before another may retry it.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The wait after the given failed attempt (1 = the first): RetryBaseDelay doubled each time, capped at RetryMaxDelay.</summary>
    public TimeSpan RetryDelayAfter(int attempt)
    {
        var doublings = Math.Clamp(attempt - 1, 0, 30);
        var seconds = RetryBaseDelay.TotalSeconds * Math.Pow(2, doublings);
        return TimeSpan.FromSeconds(Math.Min(seconds, RetryMaxDelay.TotalSeconds));
    }

    public SmtpSecurity EffectiveSmtpSecurity => SmtpSecurity ?? (SmtpStartTls ? Email.SmtpSecurity.StartTls : Email.SmtpSecurity.None);
}
