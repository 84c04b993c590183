using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Messaging;
using CopPortal.Web.Accounts;
using CopPortal.Web.Infrastructure.Database;
using CopPortal.Web.Infrastructure.Email;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopPortal.Web.Tests.Security;

/// <summary>Fixes for an outside probe: forged Host headers, proxies and TLS, health, and small leaks.</summary>
public sealed partial class HardeningTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private const string PublicHost = "cops.example.nhs.uk";
    private readonly PortalFactory _portal = shared.Fresh();

    [Fact]
    public async Task Forgot_password_with_a_forged_host_mails_a_link_to_the_configured_address()
    {
        // No PublicBaseUrl outside production: the default comes from the listening address, never the request.
        using var portal = new PortalFactory();
        portal.Settings.Remove("PublicBaseUrl");
        portal.Settings["urls"] = "http://+:5123";
        var client = portal.CreateBrowserClient();
        client.DefaultRequestHeaders.Host = "evil.example";

        await client.SubmitFormAsync("/account/forgot-password", Html.Form(("Input.Email", DemoData.MemberEmail)));

        var mail = Assert.Single(await portal.OutboxAsync(), m => m.Kind == AccountEmails.PasswordResetKind);
        Assert.Contains("http://localhost:5123/account/reset-password?userId=", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", mail.TextBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Proposal_with_a_forged_host_mails_staff_a_link_to_the_configured_address()
    {
        using var portal = new PortalFactory();
        portal.Settings.Remove("PublicBaseUrl");
        portal.Settings["urls"] = "http://0.0.0.0:5124";
        var client = await portal.SignedInClientAsync(DemoData.MemberEmail);
        client.DefaultRequestHeaders.Host = "evil.example";

        var response = await client.SubmitFormAsync("/communities/propose", Html.Form(
            ("Input.Name", "Psychologists in Primary Care"),
            ("Input.WhoFor", "Psychological professionals in GP practices."),
            ("Input.Purpose", "Share models of primary care psychology."),
            ("Input.WhyNoExistingFits", "The existing communities are organised by profession."),
            ("Input.ChairVolunteers", ""),
            ("Input.SecretaryVolunteers", "")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mail = Assert.Single(await portal.OutboxAsync(), m => m.Kind == "proposal.submitted");
        Assert.Contains("http://localhost:5124/staff/proposals", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", mail.TextBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Production_serves_only_the_public_host_unless_allowed_hosts_is_configured()
    {
        using var portal = new PortalFactory(PortalFactory.DefaultProvider(), demoData: false) { EnvironmentName = "Production" };
        portal.Settings["PublicBaseUrl"] = $"https://{PublicHost}";
        var client = portal.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await SendWithHostAsync(client, PublicHost)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendWithHostAsync(client, "evil.example")).StatusCode);
    }

    private static Task<HttpResponseMessage> SendWithHostAsync(HttpClient client, string host)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/account/forgot-password");
        request.Headers.Host = host;
        return client.SendAsync(request);
    }

    // Documentation addresses (RFC 5737): set on the in-memory test server's connection, never contacted.
    private const string TrustedProxy = "192.0.2.10";
    private const string Stranger = "198.51.100.7";

    [Fact]
    public async Task Behind_a_trusted_tls_proxy_cookies_are_secure_and_hsts_is_sent()
    {
        using var portal = new PortalFactory();
        portal.Settings["ForwardedHeaders:KnownProxies"] = TrustedProxy;

        var form = await ViaProxyAsync(portal, TrustedProxy, "GET", "/account/sign-in");
        Assert.Contains(form.SetCookies, c => c.StartsWith("copportal.af=", StringComparison.Ordinal) && IsSecure(c));
        Assert.StartsWith("max-age=", form.Hsts, StringComparison.Ordinal);

        var signIn = await ViaProxyAsync(portal, TrustedProxy, "POST", "/account/sign-in", form,
            $"Input.Email={Uri.EscapeDataString(DemoData.MemberEmail)}&Input.Password={Uri.EscapeDataString(PortalFactory.DemoPassword)}");
        Assert.Equal(StatusCodes.Status302Found, signIn.Status);
        Assert.Contains(signIn.SetCookies, c => c.StartsWith("copportal.auth=", StringComparison.Ordinal) && IsSecure(c));
    }

    [Fact]
    public async Task From_an_untrusted_address_forwarded_headers_are_ignored()
    {
        using var portal = new PortalFactory();
        portal.Settings["ForwardedHeaders:KnownProxies"] = TrustedProxy;

        var form = await ViaProxyAsync(portal, Stranger, "GET", "/account/sign-in");

        Assert.Contains(form.SetCookies, c => c.StartsWith("copportal.af=", StringComparison.Ordinal) && !IsSecure(c));
        Assert.Null(form.Hsts);
    }

    private static bool IsSecure(string setCookie) =>
        setCookie.Split(';').Any(p => p.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase));

    private sealed record ProxiedResponse(int Status, List<string> SetCookies, string? Hsts, string Body);

    /// <summary>A request as a TLS proxy would forward it, arriving from <paramref name="from"/>.</summary>
    private static async Task<ProxiedResponse> ViaProxyAsync(PortalFactory portal, string from, string method, string path, ProxiedResponse? previous = null, string? formBody = null)
    {
        var context = await portal.Server.SendAsync(c =>
        {
            c.Request.Method = method;
            c.Request.Path = path;
            c.Request.Host = new HostString(PublicHost);
            c.Connection.RemoteIpAddress = IPAddress.Parse(from);
            c.Request.Headers["X-Forwarded-Proto"] = "https";
            c.Request.Headers["X-Forwarded-For"] = "203.0.113.5";
            if (previous is not null)
            {
                c.Request.Headers.Cookie = string.Join("; ", previous.SetCookies.Select(s => s.Split(';')[0]));
            }
            if (formBody is not null)
            {
                var token = TokenPattern().Match(previous!.Body).Groups[1].Value;
                var bytes = Encoding.UTF8.GetBytes(formBody + "&__RequestVerificationToken=" + Uri.EscapeDataString(WebUtility.HtmlDecode(token)));
                c.Request.ContentType = "application/x-www-form-urlencoded";
                c.Request.ContentLength = bytes.Length;
                c.Request.Body = new MemoryStream(bytes);
            }
        });
        using var reader = new StreamReader(context.Response.Body);
        var body = await reader.ReadToEndAsync();
        var hsts = context.Response.Headers.StrictTransportSecurity.ToString();
        return new ProxiedResponse(context.Response.StatusCode, context.Response.Headers.SetCookie.Select(v => v!).ToList(), hsts.Length == 0 ? null : hsts, body);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [Fact]
    public async Task Live_stays_up_and_ready_fails_when_the_database_reads_but_cannot_write()
    {
        var client = _portal.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        await using var fault = await WritesFailAsync(_portal);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);
        // Reads still work, which is what the old check looked at.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/communities")).StatusCode);
    }

    /// <summary>
    /// A realistic fault per database that leaves reads working: on SQLite another process holds the write lock
    /// and never lets go; on PostgreSQL the database turns read-only (as a standby does after a failover).
    /// </summary>
    private static async Task<IAsyncDisposable?> WritesFailAsync(PortalFactory portal)
    {
        if (portal.Provider == DatabaseProvider.Sqlite)
        {
            var connection = new Microsoft.Data.Sqlite.SqliteConnection(portal.ConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "BEGIN IMMEDIATE";
            await command.ExecuteNonQueryAsync();
            return connection;
        }
        var name = new Npgsql.NpgsqlConnectionStringBuilder(portal.ConnectionString).Database;
        await using (var admin = new Npgsql.NpgsqlConnection(portal.ConnectionString))
        {
            await admin.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand($"ALTER DATABASE \"{name}\" SET default_transaction_read_only = on", admin);
            await command.ExecuteNonQueryAsync();
        }
        Npgsql.NpgsqlConnection.ClearAllPools();
        return null; // the test database is dropped with the portal

    }

    [Fact]
    public async Task Responses_carry_no_server_header()
    {
        using var portal = new PortalFactory();
        portal.UseKestrel(0);
        portal.StartServer();
        using var client = new HttpClient { BaseAddress = portal.ClientOptions.BaseAddress };

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Headers.Server);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Data_protection_keys_are_encrypted_with_the_configured_certificate()
    {
        using var portal = new PortalFactory();
        var certificatePath = Path.Combine(portal.DataDirectory, "keys.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=CopPortal test keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(certificatePath, certificate.Export(X509ContentType.Pfx, "test-password"));
        }
        portal.Settings["DataProtection:CertificatePath"] = certificatePath;
        portal.Settings["DataProtection:CertificatePassword"] = "test-password";
        var client = portal.CreateBrowserClient();

        await client.GetPageAsync("/account/sign-in");
        await client.AsAsync(DemoData.MemberEmail);

        var keys = await portal.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        Assert.NotEmpty(keys);
        foreach (var xml in keys)
        {
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("unencrypted form", xml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Data_protection_keys_are_kept_in_the_database_and_never_audited()
    {
        await _portal.CreateClient().GetAsync("/account/sign-in");

        var keys = await _portal.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.False(System.IO.Directory.Exists(Path.Combine(_portal.DataDirectory, "keys")));
        Assert.False(await _portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "DataProtectionKey")));
    }

    [Fact]
    public async Task Key_files_of_an_earlier_version_are_imported_so_its_cookies_still_work()
    {
        // An earlier version kept the key ring as files in {DataDirectory}/keys: sign in on such a portal.
        using var before = new PortalFactory(PortalFactory.DefaultProvider(), demoData: false);
        var earlierKeys = Path.Combine(before.DataDirectory, "keys");
        var protector = new ServiceCollection().AddDataProtection().SetApplicationName("CopPortal")
            .PersistKeysToFileSystem(new DirectoryInfo(earlierKeys)).Services.BuildServiceProvider()
            .GetRequiredService<IDataProtectionProvider>().CreateProtector("upgrade-test");
        var token = protector.Protect("kept across the upgrade");

        await before.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<CopDbContext>();
            db.DataProtectionKeys.RemoveRange(db.DataProtectionKeys);
            await db.SaveChangesAsync();
            Assert.Equal(1, await KeyProtection.ImportKeyFilesAsync(db, earlierKeys));
        });

        var unprotected = before.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("upgrade-test").Unprotect(token);
        Assert.Equal("kept across the upgrade", unprotected);
    }

    [Theory]
    [InlineData(DemoData.MemberEmail)]
    [InlineData(DemoData.CouncilEmail)]
    public async Task A_draft_communitys_edit_pages_are_404_for_people_who_may_not_edit_it(string who)
    {
        await SetStatusAsync(DemoData.PractitionersSlug, CommunityStatus.Draft);
        var client = await _portal.SignedInClientAsync(who);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/communities/{DemoData.PractitionersSlug}/terms/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/communities/{DemoData.PractitionersSlug}/terms/eligibility")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/communities/no-such-community/terms/edit")).StatusCode);
    }

    [Theory]
    [InlineData(DemoData.ChairEmail)]
    [InlineData(DemoData.StaffEmail)]
    public async Task A_draft_communitys_edit_page_still_opens_for_its_chair_and_staff(string who)
    {
        await SetStatusAsync(DemoData.PractitionersSlug, CommunityStatus.Draft);
        var client = await _portal.SignedInClientAsync(who);

        await client.GetPageAsync($"/communities/{DemoData.PractitionersSlug}/terms/edit");
    }

    private Task SetStatusAsync(string slug, CommunityStatus status) => _portal.WithDbAsync(async db =>
    {
        var community = await db.Communities.FirstAsync(c => c.Slug == slug);
        community.Status = status;
        await db.SaveChangesAsync();
    });

    private static Dictionary<string, string> Registration(string email, string name = "Dot Test") =>
        Html.Form(("Input.DisplayName", name), ("Input.Email", email), ("Input.Password", "Lantern-orbit-meadow-42"));

    [Fact]
    public async Task Registering_the_same_address_with_a_trailing_dot_or_other_case_makes_no_second_account()
    {
        var client = _portal.CreateBrowserClient();
        await client.SubmitFormAsync("/account/register", Registration("dot.test@nhs.net"));

        var again = await client.SubmitFormAsync("/account/register", Registration("  Dot.Test@NHS.net. "));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("/account/register/check-your-email", again.Headers.Location!.OriginalString);
        var users = await _portal.WithDbAsync(db => db.Users.Where(u => u.NormalizedEmail!.StartsWith("DOT.TEST@")).Select(u => u.Email).ToListAsync());
        Assert.Equal(["dot.test@nhs.net"], users);
        // The second attempt is treated as the same person: a fresh confirmation link to the one address.
        Assert.All(await _portal.OutboxAsync(), m => Assert.Equal("dot.test@nhs.net", m.ToAddress));
    }

    [Fact]
    public async Task Sign_in_and_forgot_password_accept_the_address_with_a_trailing_dot_and_other_case()
    {
        var client = _portal.CreateBrowserClient();
        await client.AsAsync(" MEMBER@demo.nhs.uk. ");

        await _portal.CreateBrowserClient().SubmitFormAsync("/account/forgot-password", Html.Form(("Input.Email", "Member@Demo.NHS.uk.")));
        var mail = Assert.Single(await _portal.OutboxAsync(), m => m.Kind == AccountEmails.PasswordResetKind);
        Assert.Equal(DemoData.MemberEmail, mail.ToAddress);
    }

    [Fact]
    public async Task Registering_with_a_line_break_in_the_name_shows_the_field_error()
    {
        var client = _portal.CreateBrowserClient();

        var response = await client.SubmitFormAsync("/account/register", Registration("evil.name@nhs.net", "Evil\nBcc: victim@example.org"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Equal(["Full name must not contain line breaks, tabs or other control characters"], page.ErrorSummary());
        Assert.Equal(0, await _portal.WithDbAsync(db => db.Users.CountAsync(u => u.Email == "evil.name@nhs.net")));
    }

    [Fact]
    public async Task A_profile_job_title_with_a_line_break_is_refused()
    {
        var client = await _portal.SignedInClientAsync(DemoData.MemberEmail);

        var response = await client.SubmitFormAsync("/account/profile", Html.Form(("Input.JobTitle", "Psychologist\r\nBcc: victim@example.org")));

        var page = await Html.ParseAsync(response);
        Assert.Contains("Job title must not contain line breaks, tabs or other control characters", page.ErrorSummary());
    }

    [Fact]
    public async Task A_proposal_name_with_a_line_break_is_refused()
    {
        var client = await _portal.SignedInClientAsync(DemoData.MemberEmail);

        var response = await client.SubmitFormAsync("/communities/propose", Html.Form(
            ("Input.Name", "Evil\nBcc: victim@example.org"),
            ("Input.WhoFor", "Anyone."),
            ("Input.Purpose", "None."),
            ("Input.WhyNoExistingFits", "None.")));

        var page = await Html.ParseAsync(response);
        Assert.Contains("Name of the community must not contain line breaks, tabs or other control characters", page.ErrorSummary());
        Assert.Empty(await _portal.OutboxAsync());
    }

    [Fact]
    public async Task A_message_with_a_line_break_in_its_subject_and_name_is_still_written_with_one_line_headers()
    {
        var message = new OutboxMessage
        {
            Id = Guid.NewGuid(),
            Kind = "test.header-injection",
            ToAddress = "someone@example.nhs.uk",
            ToName = "Jo\r\nBcc: victim@example.org",
            Subject = "Evil\nBcc: victim@example.org",
            TextBody = "Body",
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var transport = _portal.Services.GetRequiredService<PickupFolderTransport>();

        await transport.SendAsync(message, CancellationToken.None);

        var file = Assert.Single(System.IO.Directory.GetFiles(transport.Directory, "*.eml"));
        var lines = await File.ReadAllLinesAsync(file);
        Assert.DoesNotContain(lines, l => l.StartsWith("Bcc:", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(lines, l => l.StartsWith("Subject: Evil Bcc: victim@example.org", StringComparison.Ordinal));
    }
}
