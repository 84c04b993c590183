using CopPortal.Domain.Data;
using CopPortal.Domain.Messaging;
using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure.Database;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CopPortal.TestSupport;

/// <summary>
/// The real portal on a real database: a fresh SQLite file, or a fresh database on the test PostgreSQL
/// server when COPPORTAL_TEST_DATABASE=Postgres (the test command runs the web tests once for each).
/// Mail is not dispatched in the background; tests read the outbox or run the processor themselves.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = DemoData.Password;
    private readonly string? _postgresConnection;
    private readonly bool _ownsDatabase = true;
    private readonly bool _ownsDataDirectory = true;

    private static string NewDataDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "copportal-test-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(directory);
        return directory;
    }

    static PortalFactory()
    {
        // Each test host would otherwise watch appsettings.json with inotify; hundreds of hosts exhaust the
        // kernel's per-user limit (128 by default) and later hosts fail to start.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        // Each test host watches its content and web roots; with inotify, parallel hosts (and other processes of
        // the same user) exhaust the per-user limit of 128 instances. Tests never edit files, so poll instead.
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    public PortalFactory()
        : this(DefaultProvider())
    {
    }

    public PortalFactory(DatabaseProvider provider, bool demoData = true)
    {
        Provider = provider;
        LoadDemoData = demoData;
        DataDirectory = NewDataDirectory();
        if (provider == DatabaseProvider.Postgres)
        {
            _postgresConnection = PostgresServer.Instance.CreateDatabase();
        }
        // Every test client comes from the same (unknown) address, and some tests sign many people in within a
        // minute, so the rate limits are lifted here; the rate-limit tests set their own low limits over these.
        foreach (var scope in Enum.GetNames<RateLimitScope>())
        {
            Settings[$"RateLimits:{scope}PerClientPerMinute"] = "1000";
            Settings[$"RateLimits:{scope}PerAddressPerMinute"] = "1000";
        }
    }

    /// <summary>
    /// A second instance of the portal on the same database as <paramref name="sameDatabaseAs"/> (on SQLite, the
    /// same data directory), as two servers behind one load balancer. The first factory owns the database and
    /// drops it; this one only starts its own host, with its own clock and in-memory state.
    /// </summary>
    public PortalFactory(PortalFactory sameDatabaseAs)
    {
        ArgumentNullException.ThrowIfNull(sameDatabaseAs);
        Provider = sameDatabaseAs.Provider;
        LoadDemoData = sameDatabaseAs.LoadDemoData;
        // SQLite: the database is a file in the data directory, so the two share it. PostgreSQL: each instance has its
        // own data directory, as two servers have their own disks; only the database is shared.
        DataDirectory = Provider == DatabaseProvider.Sqlite ? sameDatabaseAs.DataDirectory : NewDataDirectory();
        _postgresConnection = sameDatabaseAs._postgresConnection;
        _ownsDatabase = false;
        _ownsDataDirectory = Provider != DatabaseProvider.Sqlite;
        foreach (var (key, value) in sameDatabaseAs.Settings)
        {
            Settings[key] = value;
        }
    }

    /// <summary>A request with this header appears to come from the IP address it names (test hosts have no real remote address).</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    public static DatabaseProvider DefaultProvider() =>
        string.Equals(Environment.GetEnvironmentVariable("COPPORTAL_TEST_DATABASE"), "Postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    public DatabaseProvider Provider { get; }
    public bool LoadDemoData { get; }
    public string DataDirectory { get; }
    public TestClock Clock { get; } = new();

    /// <summary>The host environment; "Testing" unless a test needs production behaviour.</summary>
    public string EnvironmentName { get; set; } = "Testing";

    /// <summary>Extra settings, applied before the host is built.</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        // The test client's own address, so links in emails are ones the tests can follow. Remove it to see the default.
        ["PublicBaseUrl"] = "http://localhost",
        // Demo data would make the console plain text for a person; tests see the JSON a deployment writes.
        ["Logging:Console:FormatterName"] = "json",
    };

    public string ConnectionString => _postgresConnection ?? DatabaseSetup.SqliteConnectionString(DataDirectory);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("DataDirectory", DataDirectory);
        builder.UseSetting("Database:Provider", Provider.ToString());
        if (_postgresConnection is not null)
        {
            builder.UseSetting("ConnectionStrings:Postgres", _postgresConnection);
        }
        builder.UseSetting("Mail:DispatcherEnabled", "false");
        builder.UseSetting("Retention:PurgeEnabled", "false");
        builder.UseSetting("Demo", LoadDemoData ? "true" : "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter>(new TestClientAddressFilter(this));
        });
    }

    /// <summary>A browser-like client that appears to come from the given IP address.</summary>
    public HttpClient CreateBrowserClient(string clientAddress)
    {
        var client = CreateBrowserClient();
        client.DefaultRequestHeaders.Add(ClientAddressHeader, clientAddress);
        return client;
    }

    /// <summary>
    /// The address requests without <see cref="ClientAddressHeader"/> appear to come from; null leaves them without
    /// one. A shared portal gives each test its own, so sign-in pauses and rate-limit windows do not carry over.
    /// </summary>
    protected System.Net.IPAddress? DefaultClientAddress { get; set; }

    private sealed class TestClientAddressFilter(PortalFactory factory) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(ClientAddressHeader, out var value) && System.Net.IPAddress.TryParse(value, out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }
                else if (factory.DefaultClientAddress is { } fallback)
                {
                    context.Connection.RemoteIpAddress = fallback;
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests assert them).</summary>
    public HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<T> WithDbAsync<T>(Func<CopDbContext, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<CopDbContext>());
    }

    public async Task WithDbAsync(Func<CopDbContext, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<CopDbContext>());
    }

    public async Task WithServicesAsync(Func<IServiceProvider, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    /// <summary>Creates a confirmed user with the given network roles and the demo password.</summary>
    public async Task<PortalUser> CreateUserAsync(string email, string displayName = "Test Person", params string[] roles)
    {
        PortalUser? created = null;
        await WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = displayName,
                Region = "Midlands",
                Organisation = "Test NHS Foundation Trust",
                CreatedAt = Clock.GetUtcNow(),
            };
            var result = await users.CreateAsync(user, DemoPassword);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }
            foreach (var role in roles)
            {
                await users.AddToRoleAsync(user, role);
            }
            created = user;
        });
        return created!;
    }

    /// <summary>Messages in the outbox, newest last.</summary>
    public Task<List<OutboxMessage>> OutboxAsync() =>
        WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.CreatedAt).ThenBy(m => m.Subject).ToListAsync());

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDatabase)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (_postgresConnection is not null)
            {
                PostgresServer.Instance.DropDatabase(_postgresConnection);
            }
        }
        if (disposing && _ownsDataDirectory)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on a slow shutdown; the temp folder is cleaned with the machine.
            }
        }
    }
}
