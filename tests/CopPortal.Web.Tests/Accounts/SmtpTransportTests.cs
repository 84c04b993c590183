using System.Security.Cryptography.X509Certificates;
using CopPortal.Domain.Messaging;
using CopPortal.Web.Infrastructure;
using CopPortal.Web.Infrastructure.Email;
using MailKit.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CopPortal.Web.Tests.Accounts;

/// <summary>The MailKit SMTP transport against the loopback SMTP server: TLS both ways, login, connection reuse and recovery.</summary>
public sealed class SmtpTransportTests : IAsyncDisposable
{
    private readonly X509Certificate2 _certificate = SmtpTestServer.CreateCertificate();
    private readonly List<IAsyncDisposable> _owned = [];

    private SmtpTestServer Server(bool implicitTls = false, bool tls = false, string? user = null) =>
        Own(new SmtpTestServer(new SmtpTestServerOptions
        {
            Certificate = tls || implicitTls ? _certificate : null,
            ImplicitTls = implicitTls,
            UserName = user,
            Password = user is null ? null : "correct horse battery",
        }));

    private SmtpTransport Transport(SmtpTestServer server, Action<MailOptions>? configure = null)
    {
        var options = new MailOptions
        {
            Transport = MailTransportKind.Smtp,
            SmtpHost = "localhost",
            SmtpPort = server.Port,
            SmtpTimeoutSeconds = 10,
            FromAddress = "no-reply@copportal.local",
            // Trust exactly the test server's own certificate.
            ServerCertificateValidation = (_, certificate, _, _) => certificate is not null && certificate.GetCertHashString() == _certificate.Thumbprint,
        };
        configure?.Invoke(options);
        var composer = new MailComposer(Options.Create(options), new PortalOptions { NetworkName = "PPN Midlands", ContactEmail = "team@example.nhs.uk" });
        return Own(new SmtpTransport(Options.Create(options), composer, TimeProvider.System, NullLogger<SmtpTransport>.Instance));
    }

    private T Own<T>(T item)
        where T : IAsyncDisposable
    {
        _owned.Add(item);
        return item;
    }

    private static OutboxMessage Message(int n) => new()
    {
        Id = Guid.NewGuid(),
        Kind = "test.kind",
        ToAddress = $"person{n}@nhs.net",
        ToName = $"Person {n}",
        Subject = $"Message {n}",
        TextBody = $"Hello {n}",
        CreatedAt = DateTimeOffset.UtcNow,
    };

    private static async Task SendAsync(SmtpTransport transport, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await transport.SendAsync(Message(i), CancellationToken.None);
        }
    }

    [Fact]
    public async Task StartTls_with_login_sends_every_message_encrypted_over_one_connection()
    {
        var server = Server(tls: true, user: "portal");
        var transport = Transport(server, o =>
        {
            o.SmtpSecurity = SmtpSecurity.StartTls;
            o.SmtpUserName = "portal";
            o.SmtpPassword = "correct horse battery";
        });

        await SendAsync(transport, 3);

        Assert.Equal(3, server.Received.Count);
        Assert.All(server.Received, m => Assert.True(m.Tls));
        Assert.All(server.Received, m => Assert.Equal("portal", m.User));
        Assert.Equal(1, server.Connections);
        Assert.Contains("STARTTLS", server.Transcript);
    }

    [Fact]
    public async Task Older_SmtpStartTls_setting_still_means_StartTls()
    {
        var server = Server(tls: true);
        var transport = Transport(server, o => o.SmtpStartTls = true);

        await SendAsync(transport, 1);

        Assert.True(Assert.Single(server.Received).Tls);
    }

    [Fact]
    public async Task SslOnConnect_speaks_tls_from_the_start()
    {
        var server = Server(implicitTls: true);
        var transport = Transport(server, o => o.SmtpSecurity = SmtpSecurity.SslOnConnect);

        await SendAsync(transport, 2);

        Assert.Equal(2, server.Received.Count);
        Assert.All(server.Received, m => Assert.True(m.Tls));
        Assert.DoesNotContain("STARTTLS", server.Transcript);
    }

    [Fact]
    public async Task StartTls_refuses_a_server_that_does_not_offer_it_rather_than_send_in_clear()
    {
        var server = Server();
        var transport = Transport(server, o => o.SmtpSecurity = SmtpSecurity.StartTls);

        await Assert.ThrowsAsync<NotSupportedException>(() => transport.SendAsync(Message(1), CancellationToken.None));

        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task An_untrusted_certificate_is_refused()
    {
        var server = Server(tls: true);
        var transport = Transport(server, o =>
        {
            o.SmtpSecurity = SmtpSecurity.StartTls;
            o.ServerCertificateValidation = null;
        });

        await Assert.ThrowsAsync<SslHandshakeException>(() => transport.SendAsync(Message(1), CancellationToken.None));

        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task A_wrong_password_fails_the_send_and_nothing_is_delivered()
    {
        var server = Server(user: "portal");
        var transport = Transport(server, o =>
        {
            o.SmtpUserName = "portal";
            o.SmtpPassword = "wrong";
        });

        await Assert.ThrowsAsync<MailKit.Security.AuthenticationException>(() => transport.SendAsync(Message(1), CancellationToken.None));

        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task A_connection_the_server_dropped_is_replaced_and_no_message_is_lost()
    {
        var server = Server();
        server.DropConnectionAfterEachMessage = true;
        var transport = Transport(server);

        await SendAsync(transport, 3);

        Assert.Equal(["person0@nhs.net", "person1@nhs.net", "person2@nhs.net"], server.Received.Select(m => m.To[0]));
        Assert.Equal(3, server.Connections);
    }

    [Fact]
    public async Task An_idle_connection_is_closed_with_quit_and_the_next_send_opens_a_new_one()
    {
        var server = Server();
        var transport = Transport(server, o => o.SmtpIdleTimeout = TimeSpan.FromMilliseconds(200));

        await SendAsync(transport, 2);
        Assert.Equal(1, server.Connections);
        for (var i = 0; i < 50 && !server.Transcript.Contains("QUIT"); i++)
        {
            await Task.Delay(100);
        }
        Assert.Contains("QUIT", server.Transcript);

        await SendAsync(transport, 1);

        Assert.Equal(2, server.Connections);
        Assert.Equal(3, server.Received.Count);
    }

    public async ValueTask DisposeAsync()
    {
        // Transports first, so they say QUIT to servers that are still listening.
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync();
        }
        _certificate.Dispose();
    }
}
