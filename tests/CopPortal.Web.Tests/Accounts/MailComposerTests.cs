using CopPortal.Domain.Messaging;
using CopPortal.Web.Infrastructure;
using CopPortal.Web.Infrastructure.Email;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CopPortal.Web.Tests.Accounts;

/// <summary>The MIME message every transport sends: its parts, encodings, layout and calendar invitation.</summary>
public sealed class MailComposerTests
{
    private static readonly MailComposer Composer = new(
        Options.Create(new MailOptions { FromAddress = "no-reply@copportal.local", FromName = "PPN Midlands communities of practice" }),
        new PortalOptions { NetworkName = "PPN Midlands", ContactEmail = "network.team@example.nhs.uk" });

    private static OutboxMessage Message(string body, string kind = "join-request.declined", string? calendar = null) => new()
    {
        Id = Guid.NewGuid(),
        Kind = kind,
        ToAddress = "jo.bloggs@nhs.net",
        ToName = "Jo Bloggs",
        Subject = "Your request to join Psychological Practitioners",
        TextBody = body,
        CalendarAttachment = calendar,
        CreatedAt = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero),
    };

    private const string Calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//CopPortal//Meetings//EN\r\nMETHOD:REQUEST\r\n" +
        "BEGIN:VEVENT\r\nUID:meeting-42@copportal\r\nDTSTAMP:20261203T090000Z\r\nSEQUENCE:0\r\nDTSTART:20261210T140000Z\r\nDTEND:20261210T150000Z\r\n" +
        "SUMMARY:Core team meeting – Psychological Practitioners\r\nORGANIZER:mailto:network.team@example.nhs.uk\r\n" +
        "ATTENDEE;RSVP=TRUE:mailto:jo.bloggs@nhs.net\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    private static MimeMessage RoundTrip(MimeMessage message)
    {
        using var stream = new MemoryStream();
        // As on the wire: CRLF line ends (RFC 5322, and RFC 5545 for the calendar).
        message.WriteTo(new FormatOptions { NewLineFormat = NewLineFormat.Dos }, stream);
        stream.Position = 0;
        return MimeMessage.Load(stream);
    }

    [Fact]
    public void A_meeting_invitation_carries_a_text_calendar_method_request_alternative_after_text_and_html()
    {
        var sent = RoundTrip(Composer.Compose(Message("You are invited to the core team meeting.", "meeting.invitation", Calendar)));

        var alternative = Assert.IsType<MultipartAlternative>(sent.Body);
        Assert.Equal(["text/plain", "text/html", "text/calendar"], alternative.Select(p => p.ContentType.MimeType));
        var calendar = Assert.IsType<TextPart>(alternative[2]);
        Assert.Equal("REQUEST", calendar.ContentType.Parameters["method"]);
        Assert.Equal("utf-8", calendar.ContentType.Charset, ignoreCase: true);
        Assert.Equal(ContentEncoding.QuotedPrintable, calendar.ContentTransferEncoding);
        // The calendar arrives intact, including its non-ASCII dash (MimeKit hands text back with the platform's line ends;
        // on the wire, as the raw test below shows, lines end CRLF as RFC 5545 asks).
        Assert.Equal(Calendar.ReplaceLineEndings("\n"), calendar.Text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_calendar_part_is_written_with_its_content_type_parameters_and_crlf_lines()
    {
        using var stream = new MemoryStream();
        Composer.Compose(Message("You are invited.", "meeting.invitation", Calendar)).WriteTo(new FormatOptions { NewLineFormat = NewLineFormat.Dos }, stream);
        var raw = System.Text.Encoding.ASCII.GetString(stream.ToArray());

        Assert.Contains("Content-Type: text/calendar; charset=utf-8; method=REQUEST", raw, StringComparison.Ordinal);
        Assert.Contains("\r\nMETHOD:REQUEST\r\n", raw, StringComparison.Ordinal);
        Assert.Contains("Content-Type: multipart/alternative", raw, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_without_a_calendar_has_only_text_and_html()
    {
        var sent = RoundTrip(Composer.Compose(Message("Hello")));

        Assert.Equal(["text/plain", "text/html"], Assert.IsType<MultipartAlternative>(sent.Body).Select(p => p.ContentType.MimeType));
    }

    [Fact]
    public void Headers_name_the_sender_the_network_team_for_replies_and_a_stable_message_id()
    {
        var message = Message("Hello");
        var sent = RoundTrip(Composer.Compose(message));

        Assert.Equal("no-reply@copportal.local", Assert.Single(sent.From.Mailboxes).Address);
        Assert.Equal("network.team@example.nhs.uk", Assert.Single(sent.ReplyTo.Mailboxes).Address);
        Assert.Equal($"{message.Id:N}@copportal", sent.MessageId);
        Assert.Equal("join-request.declined", sent.Headers["X-CopPortal-Kind"]);
        Assert.Equal(message.CreatedAt, sent.Date);
    }

    [Fact]
    public void Html_part_has_the_network_header_paragraphs_lists_links_an_action_button_and_the_reason_footer()
    {
        const string body = """
            Dear Jo <b>Bloggs</b>,

            Thank you for asking to join Psychological Practitioners.

            What you could do instead
            - Assistant Psychologists: https://cops.example.nhs.uk/communities/assistants/join
            - Propose one at https://cops.example.nhs.uk/communities/propose.

            https://cops.example.nhs.uk/my
            """;
        var html = Composer.Compose(Message(body)).HtmlBody;

        Assert.Contains(">PPN Midlands</div>", html, StringComparison.Ordinal);
        // Text is encoded, never markup.
        Assert.Contains("Dear Jo &lt;b&gt;Bloggs&lt;/b&gt;,", html, StringComparison.Ordinal);
        Assert.Contains("<p style=\"margin:0 0 16px\">Thank you for asking to join Psychological Practitioners.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<ul", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://cops.example.nhs.uk/communities/assistants/join\"", html, StringComparison.Ordinal);
        // The sentence's full stop is not part of the address.
        Assert.Contains("<a href=\"https://cops.example.nhs.uk/communities/propose\"", html, StringComparison.Ordinal);
        // An address alone in its paragraph is the action: a button, and the address again for clients that hide buttons.
        Assert.Contains("<a href=\"https://cops.example.nhs.uk/my\" style=\"display:inline-block", html, StringComparison.Ordinal);
        Assert.Contains("Open the link</a>", html, StringComparison.Ordinal);
        Assert.Contains("You got this email because you asked to join a community of practice on the PPN Midlands communities of practice.", html, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_part_is_the_body_with_the_same_footer()
    {
        var text = Composer.Compose(Message("Hello Jo,\n\nSee https://cops.example.nhs.uk/my", "account.password-reset")).TextBody!.ReplaceLineEndings("\n");

        Assert.StartsWith("Hello Jo,\n\nSee https://cops.example.nhs.uk/my\n\n-- \nPPN Midlands communities of practice\n", text, StringComparison.Ordinal);
        Assert.Contains("someone asked to reset the password", text, StringComparison.Ordinal);
    }
}
