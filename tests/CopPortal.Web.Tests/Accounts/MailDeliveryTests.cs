using System.Net;
using CopPortal.Domain.Data;
using CopPortal.Domain.Messaging;
using CopPortal.Web.Infrastructure.Database;
using CopPortal.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopPortal.Web.Tests.Accounts;

/// <summary>The outbox processor against a real SMTP conversation on loopback, and the pickup folder.</summary>
public sealed class MailDeliveryTests : IAsyncDisposable
{
    private readonly SmtpTestServer _smtp = new();
    private readonly PortalFactory _portal = new(PortalFactory.DefaultProvider(), demoData: false);

    private void UseSmtp()
    {
        _portal.Settings["Mail:Transport"] = "Smtp";
        _portal.Settings["Mail:SmtpHost"] = "127.0.0.1";
        _portal.Settings["Mail:SmtpPort"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _portal.Settings["Mail:SmtpTimeoutSeconds"] = "10";
    }

    private async Task<Guid> EnqueueAsync(string to = "jo.bloggs@mft.nhs.uk", string subject = "Your request to join the PWP community")
    {
        var id = Guid.Empty;
        await _portal.WithServicesAsync(async sp =>
        {
            var message = sp.GetRequiredService<Outbox>().Enqueue("test.kind", to, "Jo Bloggs", subject, "Hello Jo,\n\n.A line that starts with a dot.\n");
            await sp.GetRequiredService<CopDbContext>().SaveChangesAsync();
            id = message.Id;
        });
        return id;
    }

    private async Task<int> DeliverAsync()
    {
        var delivered = 0;
        await _portal.WithServicesAsync(async sp => delivered = await sp.GetRequiredService<OutboxProcessor>().DeliverDueAsync(50, default));
        return delivered;
    }

    private Task<OutboxMessage> MessageAsync(Guid id) =>
        _portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    [Fact]
    public async Task Smtp_delivery_sends_subject_recipient_and_message_id_and_marks_sent()
    {
        UseSmtp();
        var id = await EnqueueAsync();

        Assert.Equal(1, await DeliverAsync());

        var mail = Assert.Single(_smtp.Received);
        Assert.Equal(["jo.bloggs@mft.nhs.uk"], mail.To);
        Assert.Contains("Subject: Your request to join the PWP community", mail.Data, StringComparison.Ordinal);
        Assert.Contains("To: Jo Bloggs <jo.bloggs@mft.nhs.uk>", mail.Data, StringComparison.Ordinal);
        Assert.Contains($"Message-ID: <{id:N}@copportal>", mail.Data, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("X-CopPortal-Kind: test.kind", mail.Data, StringComparison.Ordinal);
        var message = await MessageAsync(id);
        Assert.Equal(OutboxStatus.Sent, message.Status);
        Assert.Equal(1, message.Attempts);
        Assert.Equal(_portal.Clock.GetUtcNow(), message.SentAt);
        Assert.Null(message.LastError);
    }

    [Fact]
    public async Task Smtp_refusal_retries_with_doubling_delay_then_marks_failed_with_the_error()
    {
        UseSmtp();
        _portal.Settings["Mail:MaxAttempts"] = "3";
        _portal.Settings["Mail:RetryBaseDelay"] = "00:00:30";
        _smtp.RefuseMessages = true;
        var id = await EnqueueAsync();
        var start = _portal.Clock.GetUtcNow();

        Assert.Equal(0, await DeliverAsync());
        var first = await MessageAsync(id);
        Assert.Equal((OutboxStatus.Pending, 1), (first.Status, first.Attempts));
        Assert.Equal(start.AddSeconds(30), first.NextAttemptAt);
        Assert.StartsWith("SmtpCommandException", first.LastError, StringComparison.Ordinal);
        Assert.Null(first.LockedUntil);

        // Not due yet: nothing is attempted.
        _portal.Clock.Advance(TimeSpan.FromSeconds(29));
        await DeliverAsync();
        Assert.Equal(1, (await MessageAsync(id)).Attempts);

        _portal.Clock.Advance(TimeSpan.FromSeconds(1));
        await DeliverAsync();
        var second = await MessageAsync(id);
        Assert.Equal((OutboxStatus.Pending, 2), (second.Status, second.Attempts));
        Assert.Equal(_portal.Clock.GetUtcNow().AddSeconds(60), second.NextAttemptAt);

        _portal.Clock.Advance(TimeSpan.FromSeconds(60));
        await DeliverAsync();
        var failed = await MessageAsync(id);
        Assert.Equal((OutboxStatus.Failed, 3), (failed.Status, failed.Attempts));
        Assert.StartsWith("SmtpCommandException", failed.LastError, StringComparison.Ordinal);
        Assert.Empty(_smtp.Received);

        // Failed messages are left alone by later passes.
        _portal.Clock.Advance(TimeSpan.FromHours(1));
        await DeliverAsync();
        Assert.Equal(3, (await MessageAsync(id)).Attempts);
    }

    [Fact]
    public async Task Message_delivered_before_a_restart_is_not_sent_again()
    {
        UseSmtp();
        var id = await EnqueueAsync();
        await DeliverAsync();
        Assert.Single(_smtp.Received);

        // A restart: a fresh scope gets a fresh DbContext and processor that know only what the database says.
        _portal.Clock.Advance(TimeSpan.FromHours(1));
        await DeliverAsync();
        await DeliverAsync();

        Assert.Single(_smtp.Received);
        Assert.Equal(OutboxStatus.Sent, (await MessageAsync(id)).Status);
    }

    [Fact]
    public async Task Message_claimed_by_a_dispatcher_that_crashed_waits_for_the_claim_to_expire()
    {
        UseSmtp();
        var id = await EnqueueAsync();
        // What the database holds if the process died between claiming and sending.
        await _portal.WithDbAsync(async db =>
        {
            var message = await db.OutboxMessages.SingleAsync(m => m.Id == id);
            message.Attempts = 1;
            message.LockedUntil = _portal.Clock.GetUtcNow().AddMinutes(2);
            await db.SaveChangesAsync();
        });

        await DeliverAsync();
        Assert.Empty(_smtp.Received);

        _portal.Clock.Advance(TimeSpan.FromMinutes(2));
        await DeliverAsync();
        Assert.Single(_smtp.Received);
        Assert.Equal(2, (await MessageAsync(id)).Attempts);
    }

    [Fact]
    public async Task Pickup_folder_gets_one_eml_file_per_message_named_by_its_id()
    {
        var pickup = Path.Combine(_portal.DataDirectory, "outgoing");
        _portal.Settings["Mail:PickupDirectory"] = pickup;
        var first = await EnqueueAsync("one@nhs.net", "First");
        var second = await EnqueueAsync("two@nhs.net", "Second");

        Assert.Equal(2, await DeliverAsync());
        await DeliverAsync();

        var files = System.IO.Directory.GetFiles(pickup).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, files.Count);
        Assert.Contains(files, f => f!.EndsWith($"-{first:N}.eml", StringComparison.Ordinal));
        Assert.Contains(files, f => f!.EndsWith($"-{second:N}.eml", StringComparison.Ordinal));
        var text = await File.ReadAllTextAsync(System.IO.Directory.GetFiles(pickup, $"*-{second:N}.eml").Single());
        Assert.Contains("Subject: Second", text, StringComparison.Ordinal);
        Assert.Contains("two@nhs.net", text, StringComparison.Ordinal);
        Assert.Empty(System.IO.Directory.GetDirectories(pickup));
    }

    private static MimeKit.MimeMessage Parse(string data) => MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(data)));

    [Fact]
    public async Task Smtp_mail_has_a_plain_text_and_an_html_part_quoted_printable_with_reply_to_the_network_team()
    {
        UseSmtp();
        await EnqueueAsync();

        Assert.Equal(1, await DeliverAsync());

        var data = Assert.Single(_smtp.Received).Data;
        // Readable as sent: quoted-printable text, never base64.
        Assert.DoesNotContain("base64", data, StringComparison.OrdinalIgnoreCase);
        var mail = Parse(data);
        var body = Assert.IsType<MimeKit.MultipartAlternative>(mail.Body);
        Assert.Equal(["text/plain", "text/html"], body.Select(p => p.ContentType.MimeType));
        Assert.All(body.OfType<MimeKit.TextPart>(), p => Assert.Equal(MimeKit.ContentEncoding.QuotedPrintable, p.ContentTransferEncoding));
        Assert.Contains("A line that starts with a dot.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("-- \nPPN Midlands communities of practice", mail.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains(">PPN Midlands</div>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("A line that starts with a dot.", mail.HtmlBody, StringComparison.Ordinal);
        // The decline email says "reply to this email": replies reach the network team (Network:ContactEmail), not no-reply.
        var replyTo = Assert.Single(mail.ReplyTo.Mailboxes);
        Assert.Equal("network.team@copportal.local", replyTo.Address);
        Assert.Equal("PPN Midlands team", replyTo.Name);
    }

    [Fact]
    public async Task Mail_ReplyTo_setting_overrides_the_network_contact_address()
    {
        UseSmtp();
        _portal.Settings["Mail:ReplyTo"] = "cops.team@example.nhs.uk";
        await EnqueueAsync();

        await DeliverAsync();

        Assert.Equal("cops.team@example.nhs.uk", Assert.Single(Parse(Assert.Single(_smtp.Received).Data).ReplyTo.Mailboxes).Address);
    }

    [Fact]
    public async Task A_batch_of_messages_is_sent_over_one_smtp_connection()
    {
        UseSmtp();
        for (var i = 0; i < 5; i++)
        {
            await EnqueueAsync($"person{i}@nhs.net", $"Message {i}");
        }

        Assert.Equal(5, await DeliverAsync());

        Assert.Equal(5, _smtp.Received.Count);
        Assert.Equal(1, _smtp.Connections);
    }

    [Fact]
    public async Task Pickup_eml_file_reads_as_text_and_parses_back_with_both_parts()
    {
        var pickup = Path.Combine(_portal.DataDirectory, "outgoing");
        _portal.Settings["Mail:PickupDirectory"] = pickup;
        var id = await EnqueueAsync("one@nhs.net", "Your request to join the PWP community");

        await DeliverAsync();

        var file = Assert.Single(System.IO.Directory.GetFiles(pickup, "*.eml"));
        var text = await File.ReadAllTextAsync(file);
        Assert.Contains("Hello Jo,", text, StringComparison.Ordinal);
        Assert.DoesNotContain("base64", text, StringComparison.OrdinalIgnoreCase);
        var mail = await MimeKit.MimeMessage.LoadAsync(file);
        Assert.Equal($"{id:N}@copportal", mail.MessageId);
        Assert.Equal("Your request to join the PWP community", mail.Subject);
        Assert.Equal("one@nhs.net", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Contains("Hello Jo,", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Hello Jo,", mail.HtmlBody, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        _portal.Dispose();
        await _smtp.DisposeAsync();
    }
}
