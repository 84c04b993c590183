using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace CopPortal.TestSupport;

/// <summary>
/// A minimal SMTP server on loopback (RFC 5321 commands a client needs to deliver mail), so the portal's SMTP
/// transport is tested through a real conversation: several messages per connection, STARTTLS or implicit TLS
/// with a self-signed certificate, AUTH PLAIN and LOGIN. Counts connections and can be told to refuse messages
/// or to drop each connection after a message (as a server closing an idle connection would).
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _connections;

    public SmtpTestServer()
        : this(new SmtpTestServerOptions())
    {
    }

    public SmtpTestServer(SmtpTestServerOptions options)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public SmtpTestServerOptions Options { get; }
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public ConcurrentQueue<ReceivedMail> Received { get; } = new();
    public ConcurrentQueue<string> Transcript { get; } = new();

    /// <summary>TCP connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>When true, the server answers DATA with a temporary failure (451).</summary>
    public bool RefuseMessages { get; set; }

    /// <summary>When true, the server closes the connection, without a word, after each accepted message.</summary>
    public bool DropConnectionAfterEachMessage { get; set; }

    /// <summary>A self-signed certificate for localhost, for the TLS options.</summary>
    public static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Re-imported so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            Interlocked.Increment(ref _connections);
            _ = Task.Run(async () =>
            {
                try
                {
                    await HandleAsync(client);
                }
                catch (Exception ex) when (ex is IOException or AuthenticationException or ObjectDisposedException or SocketException)
                {
                    Transcript.Enqueue("! " + ex.GetType().Name);
                }
            });
        }
    }

    private sealed class Connection(Stream stream)
    {
        public Stream Stream { get; set; } = stream;
        public StreamReader Reader { get; set; } = new(stream, Encoding.ASCII);
        public StreamWriter Writer { get; set; } = new(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        public bool Tls { get; set; }
        public string? User { get; set; }

        public async Task UpgradeAsync(X509Certificate2 certificate)
        {
            var ssl = new SslStream(Stream, leaveInnerStreamOpen: false);
            await ssl.AuthenticateAsServerAsync(certificate);
            Stream = ssl;
            Reader = new StreamReader(ssl, Encoding.ASCII);
            Writer = new StreamWriter(ssl, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            Tls = true;
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        using var _ = client;
        var c = new Connection(client.GetStream());
        if (Options.ImplicitTls)
        {
            await c.UpgradeAsync(Options.Certificate ?? throw new InvalidOperationException("Implicit TLS needs a certificate."));
        }
        await c.Writer.WriteLineAsync("220 localhost test SMTP ready");
        string? from = null;
        var to = new List<string>();
        while (await c.Reader.ReadLineAsync() is { } line)
        {
            // Credentials are not kept in the transcript.
            Transcript.Enqueue(line.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase) ? "AUTH ..." : line);
            var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            switch (command)
            {
                case "EHLO":
                    await c.Writer.WriteLineAsync("250-localhost");
                    if (Options.Certificate is not null && !c.Tls)
                    {
                        await c.Writer.WriteLineAsync("250-STARTTLS");
                    }
                    if (Options.UserName is not null)
                    {
                        await c.Writer.WriteLineAsync("250-AUTH PLAIN LOGIN");
                    }
                    await c.Writer.WriteLineAsync("250 8BITMIME");
                    break;
                case "HELO":
                    await c.Writer.WriteLineAsync("250 localhost");
                    break;
                case "STAR" when Options.Certificate is not null && !c.Tls:
                    await c.Writer.WriteLineAsync("220 Ready to start TLS");
                    await c.UpgradeAsync(Options.Certificate);
                    from = null;
                    to.Clear();
                    break;
                case "AUTH" when Options.UserName is not null:
                    var user = await AuthenticateAsync(c, line);
                    if (user is null)
                    {
                        await c.Writer.WriteLineAsync("535 5.7.8 Authentication credentials invalid");
                    }
                    else
                    {
                        c.User = user;
                        await c.Writer.WriteLineAsync("235 2.7.0 Authentication successful");
                    }
                    break;
                case "MAIL":
                    if (Options.UserName is not null && c.User is null)
                    {
                        await c.Writer.WriteLineAsync("530 5.7.0 Authentication required");
                        break;
                    }
                    from = Address(line);
                    await c.Writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    to.Add(Address(line));
                    await c.Writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    if (RefuseMessages)
                    {
                        await c.Writer.WriteLineAsync("451 Temporary failure, try again later");
                        break;
                    }
                    await c.Writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await c.Reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                    {
                        data.AppendLine(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine);
                    }
                    Received.Enqueue(new ReceivedMail(from ?? "", [.. to], data.ToString(), c.Tls, c.User));
                    to.Clear();
                    await c.Writer.WriteLineAsync("250 OK queued");
                    if (DropConnectionAfterEachMessage)
                    {
                        return;
                    }
                    break;
                case "RSET":
                    to.Clear();
                    await c.Writer.WriteLineAsync("250 OK");
                    break;
                case "NOOP":
                    await c.Writer.WriteLineAsync("250 OK");
                    break;
                case "QUIT":
                    await c.Writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await c.Writer.WriteLineAsync("502 Command not implemented");
                    break;
            }
        }
    }

    // "MAIL FROM:<a@b> BODY=8BITMIME" -> "a@b"
    private static string Address(string line)
    {
        var value = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        var end = value.IndexOf('>', StringComparison.Ordinal);
        return (end >= 0 ? value[..end] : value.Split(' ')[0]).Trim('<', '>');
    }

    /// <summary>AUTH PLAIN (with or without an initial response) or AUTH LOGIN; returns the user name when the credentials match.</summary>
    private async Task<string?> AuthenticateAsync(Connection c, string line)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var mechanism = parts.Length > 1 ? parts[1].ToUpperInvariant() : "";
        string user, password;
        if (mechanism == "PLAIN")
        {
            var response = parts.Length > 2 ? parts[2] : await Challenge(c, "");
            var fields = Decode(response).Split('\0');
            if (fields.Length != 3)
            {
                return null;
            }
            (user, password) = (fields[1], fields[2]);
        }
        else if (mechanism == "LOGIN")
        {
            user = Decode(parts.Length > 2 ? parts[2] : await Challenge(c, "VXNlcm5hbWU6"));
            password = Decode(await Challenge(c, "UGFzc3dvcmQ6"));
        }
        else
        {
            return null;
        }
        return user == Options.UserName && password == Options.Password ? user : null;
    }

    private static async Task<string> Challenge(Connection c, string prompt)
    {
        await c.Writer.WriteLineAsync("334 " + prompt);
        return await c.Reader.ReadLineAsync() ?? "";
    }

    private static string Decode(string base64)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64.Trim()));
        }
        catch (FormatException)
        {
            return "";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}

public sealed class SmtpTestServerOptions
{
    /// <summary>With a certificate the server offers STARTTLS (or, with ImplicitTls, speaks TLS from the start).</summary>
    public X509Certificate2? Certificate { get; init; }
    public bool ImplicitTls { get; init; }

    /// <summary>With a user name the server offers AUTH and refuses MAIL until the client has logged in.</summary>
    public string? UserName { get; init; }
    public string? Password { get; init; }
}

/// <param name="From">The envelope sender.</param>
/// <param name="To">The envelope recipients.</param>
/// <param name="Data">The message as sent (headers and body).</param>
/// <param name="Tls">Whether the connection was encrypted when it was sent.</param>
/// <param name="User">Who had logged in, if anyone.</param>
public sealed record ReceivedMail(string From, IReadOnlyList<string> To, string Data, bool Tls = false, string? User = null);
