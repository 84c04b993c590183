using System.Net.Sockets;
using CopPortal.Domain.Messaging;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace CopPortal.Web.Infrastructure.Email;

/// <summary>Delivers one message. Implementations throw on failure; the dispatcher handles retries.</summary>
public interface IMailTransport
{
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// Writes each message as an .eml file (MimeKit's own format, the one mail clients open). The file is named by
/// message id and written under a temporary name first, so a repeat overwrites, never duplicates, and a reader
/// never sees half a file.
/// </summary>
public sealed class PickupFolderTransport(IOptions<MailOptions> options, PortalOptions portal, MailComposer composer) : IMailTransport
{
    private static readonly MimeKit.FormatOptions PickupFormat = new() { NewLineFormat = MimeKit.NewLineFormat.Dos };

    public string Directory => options.Value.PickupDirectory ?? Path.Combine(portal.DataDirectory, "mail");

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        System.IO.Directory.CreateDirectory(Directory);
        var mime = composer.Compose(message);
        var final = Path.Combine(Directory, $"{message.CreatedAt.UtcDateTime:yyyyMMddHHmmss}-{message.Id:N}.eml");
        var staging = Path.Combine(Directory, $".{message.Id:N}.tmp");
        try
        {
            // CRLF line ends, as on the wire (RFC 5322; RFC 5545 for a calendar part), whatever the platform.
            await mime.WriteToAsync(PickupFormat, staging, cancellationToken);
            File.Move(staging, final, overwrite: true);
        }
        finally
        {
            File.Delete(staging);
        }
    }
}

/// <summary>
/// Delivers through an SMTP server with MailKit. One connection is kept open while messages keep coming (a
/// dispatcher's batch), so a batch of 50 costs one connection and one TLS handshake and login, not 50; it is
/// closed after Mail:SmtpIdleTimeout without a send, and on shutdown. A connection the server dropped while
/// idle is replaced once, transparently; any other failure closes it, so the next message starts clean.
/// </summary>
public sealed class SmtpTransport(IOptions<MailOptions> options, MailComposer composer, TimeProvider clock, ILogger<SmtpTransport> logger) : IMailTransport, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SmtpClient? _client;
    private ITimer? _idleTimer;
    private int _connections;

    /// <summary>How many connections this transport has opened (tests and logs).</summary>
    public int ConnectionsOpened => Volatile.Read(ref _connections);

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mime = composer.Compose(message);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _idleTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            var reused = _client is { IsConnected: true };
            try
            {
                await SendOnceAsync(mime, cancellationToken);
            }
            catch (Exception ex) when (reused && IsConnectionFailure(ex))
            {
                // The server closed the connection while it sat idle (servers do, after a minute or so): one new
                // connection. Should it instead have died just after the server took the message, the copy shares
                // the stable Message-ID, so the receiving side can recognise the repeat (as with any outbox retry).
                logger.LogInformation("SMTP connection was closed by the server; reconnecting");
                await SendOnceAsync(mime, cancellationToken);
            }
        }
        finally
        {
            if (_client is not null)
            {
                _idleTimer ??= clock.CreateTimer(_ => _ = CloseIdleAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                _idleTimer.Change(options.Value.SmtpIdleTimeout, Timeout.InfiniteTimeSpan);
            }
            _gate.Release();
        }
    }

    private async Task SendOnceAsync(MimeKit.MimeMessage mime, CancellationToken cancellationToken)
    {
        try
        {
            var client = _client is { IsConnected: true } ? _client : await ConnectAsync(cancellationToken);
            await client.SendAsync(mime, cancellationToken);
        }
        catch
        {
            await CloseAsync();
            throw;
        }
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        await CloseAsync();
        var settings = options.Value;
        var client = new SmtpClient { Timeout = settings.SmtpTimeoutSeconds * 1000 };
        _client = client;
        if (settings.ServerCertificateValidation is { } validate)
        {
            client.ServerCertificateValidationCallback = validate;
        }
        var security = settings.EffectiveSmtpSecurity switch
        {
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.None,
        };
        await client.ConnectAsync(settings.SmtpHost, settings.SmtpPort, security, cancellationToken);
        Interlocked.Increment(ref _connections);
        if (!string.IsNullOrEmpty(settings.SmtpUserName))
        {
            await client.AuthenticateAsync(settings.SmtpUserName, settings.SmtpPassword ?? "", cancellationToken);
        }
        return client;
    }

    private static bool IsConnectionFailure(Exception ex) =>
        ex is ServiceNotConnectedException or IOException or SocketException or SmtpProtocolException
        || ex is SmtpCommandException { StatusCode: SmtpStatusCode.ServiceNotAvailable };

    private async Task CloseIdleAsync()
    {
        // A send in progress will re-arm the timer when it finishes; only close a connection nobody is using.
        if (!await _gate.WaitAsync(0))
        {
            return;
        }
        try
        {
            await CloseAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task CloseAsync()
    {
        var client = _client;
        _client = null;
        if (client is null)
        {
            return;
        }
        try
        {
            if (client.IsConnected)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await client.DisconnectAsync(quit: true, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Saying goodbye to a server that has already gone is not worth reporting.
            logger.LogDebug(ex, "Closing the SMTP connection failed");
        }
        finally
        {
            client.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_idleTimer is not null)
            {
                await _idleTimer.DisposeAsync();
            }
            await CloseAsync();
        }
        finally
        {
            _gate.Release();
        }
        _gate.Dispose();
    }
}
