using System.Data.Common;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using CopPortal.Domain.Messaging;
using CopPortal.Web.Infrastructure.Database;
using CopPortal.Web.Infrastructure.Email;
using CopPortal.Web.Infrastructure.Operations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace CopPortal.Web.Tests.Foundation;

/// <summary>What an operator reads: the JSON log lines, the access log, failures without secrets, and the portal's meter.</summary>
public sealed class OperationsLoggingTests : IDisposable
{
    private readonly PortalFactory _portal = new();
    private readonly LogCapture _logs = new();
    private readonly ThrowingCommands _faults = new();

    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Portal(Action<IServiceCollection>? services = null) =>
        _portal.WithWebHostBuilder(b =>
        {
            b.ConfigureLogging(l => l.AddProvider(_logs));
            b.ConfigureTestServices(s =>
            {
                s.AddSingleton<IInterceptor>(_faults);
                services?.Invoke(s);
            });
        });

    private static HttpClient BrowserClient(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> portal) =>
        portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public void Json_log_lines_carry_a_utc_timestamp_with_its_offset_and_the_trace_id_scope()
    {
        var services = Portal().Services;
        var options = services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;
        Assert.True(options.UseUtcTimestamp);
        Assert.True(options.IncludeScopes);

        var formatter = services.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Json);
        var scopes = new LoggerExternalScopeProvider();
        using var writer = new StringWriter();
        using (scopes.Push(new Dictionary<string, object?> { ["TraceId"] = "4bf92f3577b34da6a3ce929d0e0e4736" }))
        {
            formatter.Write(new LogEntry<string>(LogLevel.Information, "Test", default, "hello", null, (s, _) => s), scopes, writer);
        }
        using var line = JsonDocument.Parse(writer.ToString());
        var written = line.RootElement.GetProperty("Timestamp").GetString()!;
        Assert.EndsWith("+00:00", written, StringComparison.Ordinal);
        Assert.InRange(DateTimeOffset.Parse(written, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Contains("4bf92f3577b34da6a3ce929d0e0e4736", line.RootElement.GetProperty("Scopes").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reference_on_the_error_page_is_the_trace_id_of_the_logged_error()
    {
        var client = Portal().CreateClient();
        _faults.Armed = true;
        var response = await client.GetAsync("/communities");
        _faults.Armed = false;

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var reference = page.QuerySelector("main strong")!.TextContent.Trim();
        Assert.Matches("^[0-9a-f]{32}$", reference);
        var error = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Error && e.Exception?.Contains(ThrowingCommands.Message, StringComparison.Ordinal) == true && e.Category.Contains("ExceptionHandler", StringComparison.Ordinal));
        Assert.Equal(reference, error.Scope["TraceId"]);
        // The access line for the same request has the same trace id and the status the visitor saw.
        var access = Assert.Single(_logs.Entries, e => e.Category == AccessLog.Category && Equals(e.Scope.GetValueOrDefault("TraceId"), reference));
        Assert.Equal(500, access.Values["StatusCode"]);
        Assert.Equal("/communities", access.Values["Route"]);
    }

    [Fact]
    public async Task Access_log_has_method_route_pattern_status_and_duration_but_no_query_string_or_address()
    {
        var client = BrowserClient(Portal());
        await client.AsAsync(DemoData.MemberEmail);
        _logs.Entries.Clear();

        await client.GetAsync($"/communities/{DemoData.PractitionersSlug}?token=secret-token-123");
        await client.GetAsync("/no-such-page?code=another-secret");

        var lines = _logs.Entries.Where(e => e.Category == AccessLog.Category).ToList();
        var community = Assert.Single(lines, l => (int)l.Values["StatusCode"]! == 200);
        Assert.Equal("GET", community.Values["Method"]);
        Assert.Equal("/communities/{slug}", community.Values["Route"]);
        Assert.IsType<double>(community.Values["ElapsedMs"]);
        Assert.Contains(lines, l => (int)l.Values["StatusCode"]! == 404 && (string)l.Values["Route"]! == "(no route)");
        Assert.All(_logs.Entries, e =>
        {
            Assert.DoesNotContain("secret-token-123", e.AllText, StringComparison.Ordinal);
            Assert.DoesNotContain("another-secret", e.AllText, StringComparison.Ordinal);
            Assert.DoesNotContain(DemoData.MemberEmail, e.AllText, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task A_failed_sign_in_is_logged_without_the_password_or_the_address()
    {
        var client = BrowserClient(Portal());
        const string password = "Wrong-Password-Nobody-Uses-42";

        await client.SubmitFormAsync("/account/sign-in", Html.Form(("Input.Email", DemoData.MemberEmail), ("Input.Password", password)));
        await client.SubmitFormAsync("/account/sign-in", Html.Form(("Input.Email", "nobody.here@nhs.net"), ("Input.Password", password)));

        var failures = _logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Message.StartsWith("Sign-in failed", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, failures.Count);
        Assert.All(_logs.Entries, e =>
        {
            Assert.DoesNotContain(password, e.AllText, StringComparison.Ordinal);
            Assert.DoesNotContain(DemoData.MemberEmail, e.AllText, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("nobody.here", e.AllText, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task A_failed_send_is_logged_and_counted_without_the_recipient_address()
    {
        var portal = Portal(s => s.Replace(ServiceDescriptor.Singleton<IMailTransport>(sp => new CountingMailTransport(new RefusingTransport(), sp.GetRequiredService<PortalMetrics>()))));
        using var meter = new MeterRecorder(portal.Services);
        await BrowserClient(portal).SubmitFormAsync("/account/forgot-password", Html.Form(("Input.Email", DemoData.MemberEmail)));

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().DeliverDueAsync(10, CancellationToken.None);
        }

        Assert.Contains(_logs.Entries, e => e.Level >= LogLevel.Warning && e.Message.StartsWith("Email ", StringComparison.Ordinal) && e.Message.Contains("(address)", StringComparison.Ordinal));
        Assert.All(_logs.Entries, e => Assert.DoesNotContain(DemoData.MemberEmail, e.AllText, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(1, meter.Sum("copportal.mail.send_failures"));
        Assert.Equal(1, meter.Observe("copportal.outbox.depth"));
    }

    [Fact]
    public async Task A_pdf_whose_browser_will_not_start_is_counted_and_offers_the_printable_page()
    {
        // A file that exists but is no browser: the check for an installed Chromium passes and the start fails.
        _portal.Settings["Pdf:ChromiumPath"] = "/bin/false";
        var portal = Portal();
        using var meter = new MeterRecorder(portal.Services);
        var client = BrowserClient(portal);
        var url = $"/communities/{DemoData.PractitionersSlug}/terms";

        var response = await client.GetAsync(url + ".pdf");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(url + "?print=true", response.Headers.Location!.OriginalString);
        var print = await client.GetPageAsync(url + "?print=true");
        Assert.Contains("PDF download is not working on this server at the moment", print.QuerySelector(".print-notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, meter.Sum("copportal.pdf.renders"));
        // Within the retry delay a second request gets the printable page at once, without another start.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(url + ".pdf")).StatusCode);
    }

    [Fact]
    public async Task Settings_are_read_from_secret_files_and_shutdown_waits_long_enough_for_a_send()
    {
        var secrets = Path.Combine(_portal.DataDirectory, "secrets");
        System.IO.Directory.CreateDirectory(secrets);
        await File.WriteAllTextAsync(Path.Combine(secrets, "Network__Name"), "Network From A Secret File");
        _portal.Settings["SecretsDirectory"] = secrets;
        var portal = Portal();

        var home = await portal.CreateClient().GetStringAsync("/");

        Assert.Contains("Network From A Secret File", home, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(45), portal.Services.GetRequiredService<IOptions<Microsoft.Extensions.Hosting.HostOptions>>().Value.ShutdownTimeout);
    }

    public void Dispose() => _portal.Dispose();

    /// <summary>Fails every database command while armed: a fault the portal does not expect, so a 500.</summary>
    private sealed class ThrowingCommands : DbCommandInterceptor
    {
        public const string Message = "Test fault in the database";
        public volatile bool Armed;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            Armed ? throw new InvalidOperationException(Message) : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    /// <summary>Refuses like an SMTP server that quotes the recipient.</summary>
    private sealed class RefusingTransport : IMailTransport
    {
        public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"550 5.1.1 <{message.ToAddress}>: Recipient address rejected");
    }

    /// <summary>Listens to the portal's meter, as an exporter would.</summary>
    private sealed class MeterRecorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, double> _sums = new();
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, double> _last = new();

        public MeterRecorder(IServiceProvider services)
        {
            var factory = services.GetRequiredService<IMeterFactory>();
            _ = services.GetRequiredService<PortalMetrics>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == PortalMetrics.MeterName && instrument.Meter.Scope == factory)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((i, value, _, _) => Record(i.Name, value));
            _listener.SetMeasurementEventCallback<double>((i, value, _, _) => Record(i.Name, value));
            _listener.Start();
        }

        private void Record(string name, double value)
        {
            _sums.AddOrUpdate(name, value, (_, sum) => sum + value);
            _last[name] = value;
        }

        public double Sum(string name) => _sums.GetValueOrDefault(name);

        public double Observe(string name)
        {
            _listener.RecordObservableInstruments();
            return _last.GetValueOrDefault(name, double.NaN);
        }

        public void Dispose() => _listener.Dispose();
    }
}
