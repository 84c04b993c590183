using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using CopPortal.Domain.Messaging;
using Microsoft.Extensions.Options;

namespace CopPortal.Web.Infrastructure.Email;

/// <summary>Delivers one message. Implementations throw on failure; the dispatcher handles retries.</summary>
public interface IMailTransport
{
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

internal static class MailMessageFactory
{
    public static MailMessage Create(OutboxMessage message, MailOptions options)
    {
        var mail = new MailMessage
        {
            // Headers are one line each: a stray line break (from data saved before forms refused them) must
            // neither fail the message nor start a new header.
            From = new MailAddress(options.FromAddress, SingleLine.Clean(options.FromName)),
            Subject = SingleLine.Clean(message.Subject),
            Body = message.TextBody,
            IsBodyHtml = false,
            BodyEncoding = Encoding.UTF8,
            SubjectEncoding = Encoding.UTF8,
        };
        mail.To.Add(new MailAddress(message.ToAddress.Trim(), SingleLine.Clean(message.ToName)));
        // A stable Message-ID lets a mail server recognise a repeat if a crash forces one.
        mail.Headers.Add("Message-ID", message.MessageIdHeader);
        mail.Headers.Add("X-CopPortal-Kind", message.Kind);
        if (message.CalendarAttachment is not null)
        {
            var calendar = AlternateView.CreateAlternateViewFromString(message.CalendarAttachment, new ContentType("text/calendar; method=REQUEST; charset=UTF-8"));
            mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.TextBody, Encoding.UTF8, MediaTypeNames.Text.Plain));
            mail.AlternateViews.Add(calendar);
        }
        return mail;
    }
}

/// <summary>Writes each message as an .eml file. The file is named by message id, so a repeat overwrites, never duplicates.</summary>
public sealed class PickupFolderTransport(IOptions<MailOptions> options, PortalOptions portal) : IMailTransport
{
    public string Directory => options.Value.PickupDirectory ?? Path.Combine(portal.DataDirectory, "mail");

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var staging = Path.Combine(Directory, ".staging-" + message.Id.ToString("N"));
        System.IO.Directory.CreateDirectory(staging);
        try
        {
            using var mail = MailMessageFactory.Create(message, options.Value);
            using var client = new SmtpClient
            {
                DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
                PickupDirectoryLocation = staging,
            };
            await client.SendMailAsync(mail, cancellationToken);
            var written = System.IO.Directory.GetFiles(staging, "*.eml").Single();
            File.Move(written, Path.Combine(Directory, $"{message.CreatedAt.UtcDateTime:yyyyMMddHHmmss}-{message.Id:N}.eml"), overwrite: true);
        }
        finally
        {
            System.IO.Directory.Delete(staging, recursive: true);
        }
    }
}

/// <summary>Delivers through an SMTP server with System.Net.Mail (MailKit is not available here; see STACK.md).</summary>
public sealed class SmtpTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var mail = MailMessageFactory.Create(message, settings);
        using var client = new SmtpClient(settings.SmtpHost, settings.SmtpPort)
        {
            EnableSsl = settings.SmtpStartTls,
            Timeout = settings.SmtpTimeoutSeconds * 1000,
            DeliveryMethod = SmtpDeliveryMethod.Network,
        };
        if (!string.IsNullOrEmpty(settings.SmtpUserName))
        {
            client.Credentials = new NetworkCredential(settings.SmtpUserName, settings.SmtpPassword);
        }
        await client.SendMailAsync(mail, cancellationToken);
    }
}
