using CopPortal.Domain.Messaging;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace CopPortal.Web.Infrastructure.Email;

/// <summary>
/// Turns an outbox message into the MIME message both transports send: From the portal, Reply-To the network
/// team, a stable Message-ID, and a multipart/alternative body with a plain-text part, an HTML part in the
/// network's layout and, for a meeting, a text/calendar part with METHOD=REQUEST so Outlook offers Accept/Decline.
/// Text parts are quoted-printable, so an .eml file reads in a text editor.
/// </summary>
public sealed class MailComposer(IOptions<MailOptions> options, PortalOptions portal)
{
    public MimeMessage Compose(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var service = $"{portal.NetworkName} communities of practice";
        var reason = EmailLayout.Reason(message.Kind, service, portal.NetworkName);

        var mime = new MimeMessage();
        // Headers are one line each: a stray line break (from data saved before forms refused them) must
        // neither fail the message nor start a new header.
        mime.From.Add(new MailboxAddress(SingleLine.Clean(settings.FromName), settings.FromAddress.Trim()));
        mime.To.Add(new MailboxAddress(SingleLine.Clean(message.ToName), message.ToAddress.Trim()));
        var replyTo = string.IsNullOrWhiteSpace(settings.ReplyTo) ? portal.ContactEmail : settings.ReplyTo;
        if (!string.IsNullOrWhiteSpace(replyTo))
        {
            // The From address is not read by anyone: "reply to this email" must reach the network team.
            mime.ReplyTo.Add(new MailboxAddress($"{SingleLine.Clean(portal.NetworkName)} team", replyTo.Trim()));
        }
        mime.Subject = SingleLine.Clean(message.Subject);
        mime.Date = message.CreatedAt;
        // A stable Message-ID lets a mail server recognise a repeat if a crash forces one.
        mime.MessageId = message.MessageIdHeader.Trim('<', '>');
        mime.Headers.Add("X-CopPortal-Kind", SingleLine.Clean(message.Kind));

        var body = new MultipartAlternative
        {
            TextPart(TextFormat.Plain, EmailLayout.RenderText(message.TextBody, service, reason)),
            TextPart(TextFormat.Html, EmailLayout.RenderHtml(mime.Subject, message.TextBody, portal.NetworkName, service, reason)),
        };
        if (!string.IsNullOrEmpty(message.CalendarAttachment))
        {
            // Last in the alternative: the richest part a client understands wins, and calendar clients act on it.
            var calendar = new TextPart("calendar");
            calendar.SetText(System.Text.Encoding.UTF8, message.CalendarAttachment);
            // The part's method must match the calendar's own (REQUEST, or CANCEL for a cancellation).
            calendar.ContentType.Parameters.Add("method", CopPortal.Domain.Meetings.MeetingCalendar.MethodOf(message.CalendarAttachment));
            calendar.ContentTransferEncoding = ContentEncoding.QuotedPrintable;
            body.Add(calendar);
        }
        mime.Body = body;
        return mime;
    }

    private static TextPart TextPart(TextFormat format, string text)
    {
        var part = new TextPart(format);
        part.SetText(System.Text.Encoding.UTF8, text);
        // Quoted-printable keeps ASCII as it is (base64 would make an .eml unreadable in a text editor).
        part.ContentTransferEncoding = ContentEncoding.QuotedPrintable;
        return part;
    }
}
