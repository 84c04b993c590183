using CopPortal.Domain.Data;

namespace CopPortal.Web.Infrastructure;

/// <summary>Settings for the whole portal; each key is documented in the README's configuration table.</summary>
public sealed class PortalOptions
{
    /// <summary>Where the SQLite file, mail pickup folder and keys live. Created if missing.</summary>
    public string DataDirectory { get; set; } = "./data";
    public DatabaseProvider DatabaseProvider { get; set; } = DatabaseProvider.Sqlite;
    public string? PostgresConnectionString { get; set; }
    public string? SqlServerConnectionString { get; set; }

    /// <summary>How long start-up keeps trying to reach the database before giving up (Database:StartupRetrySeconds).</summary>
    public TimeSpan StartupRetry { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The network this deployment serves.</summary>
    public string NetworkName { get; set; } = "PPN Midlands";
    public string NetworkRegion { get; set; } = "Midlands";

    /// <summary>
    /// Absolute address for every link in an email, e.g. https://cops.example.nhs.uk, without a trailing slash.
    /// Always from configuration (or a local default outside production), never from a request's Host header,
    /// which anyone can forge to have a real reset link mailed to their own site.
    /// </summary>
    public string PublicBaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>True when PublicBaseUrl was set in configuration rather than defaulted.</summary>
    public bool PublicBaseUrlConfigured { get; set; }

    /// <summary>Kestrel's own default address: the base for links when nothing says otherwise outside production.</summary>
    public const string DefaultBaseUrl = "http://localhost:5000";

    /// <summary>Where people ask the network team for help or an invitation (shown on pages and in emails).</summary>
    public string? ContactEmail { get; set; }

    /// <param name="configuration">The portal's configuration.</param>
    /// <param name="requirePublicBaseUrl">A real deployment: PublicBaseUrl must be configured, or the portal does not start.</param>
    public static PortalOptions From(IConfiguration configuration, bool requirePublicBaseUrl = false)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new PortalOptions
        {
            DataDirectory = configuration["DataDirectory"] ?? "./data",
            PostgresConnectionString = configuration.GetConnectionString("Postgres"),
            SqlServerConnectionString = configuration.GetConnectionString("SqlServer"),
            NetworkName = configuration["Network:Name"] ?? "PPN Midlands",
            NetworkRegion = configuration["Network:Region"] ?? "Midlands",
            ContactEmail = configuration["Network:ContactEmail"],
        };
        var provider = configuration["Database:Provider"];
        if (!string.IsNullOrWhiteSpace(provider))
        {
            // Names only, so "1" or "sqlserver2022" is refused rather than read as a number or half-matched.
            if (!Enum.TryParse<DatabaseProvider>(provider.Trim(), ignoreCase: true, out var parsed)
                || !Enum.IsDefined(parsed) || int.TryParse(provider, out _))
            {
                throw new InvalidOperationException(
                    $"Database:Provider is \"{provider}\", which is not a database the portal knows. " +
                    $"Use one of: {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
            }
            options.DatabaseProvider = parsed;
        }
        var retry = configuration["Database:StartupRetrySeconds"];
        if (!string.IsNullOrWhiteSpace(retry))
        {
            if (!int.TryParse(retry, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
            {
                throw new InvalidOperationException($"Database:StartupRetrySeconds must be a whole number of seconds, 0 or more (it is \"{retry}\").");
            }
            options.StartupRetry = TimeSpan.FromSeconds(seconds);
        }
        options.DataDirectory = Path.GetFullPath(options.DataDirectory);
        var configured = configuration["PublicBaseUrl"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            options.PublicBaseUrl = CheckBaseUrl(configured.Trim(), "PublicBaseUrl");
            options.PublicBaseUrlConfigured = true;
        }
        else if (requirePublicBaseUrl)
        {
            throw new InvalidOperationException(
                "PublicBaseUrl is not set. In production the portal needs its public address for the links it emails " +
                "(for example PublicBaseUrl=https://cops.example.nhs.uk, or the environment variable PublicBaseUrl); " +
                "it never takes it from a request's Host header.");
        }
        else
        {
            options.PublicBaseUrl = LocalBaseUrl(configuration["urls"]);
        }
        return options;
    }

    /// <summary>Outside production with no PublicBaseUrl: the first address Kestrel is told to listen on, else its default.</summary>
    public static string LocalBaseUrl(string? urls)
    {
        var first = (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is null)
        {
            return DefaultBaseUrl;
        }
        // "http://+:8080", "http://*:8080", "http://0.0.0.0:8080" and "http://[::]:8080" mean every interface: link to this machine.
        var local = System.Text.RegularExpressions.Regex.Replace(first, @"^(https?://)(\+|\*|0\.0\.0\.0|\[::\])(?=[:/]|$)", "$1localhost");
        return Uri.TryCreate(local, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.GetLeftPart(UriPartial.Authority)
            : DefaultBaseUrl;
    }

    private static string CheckBaseUrl(string value, string key)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new InvalidOperationException($"{key} must be an absolute http or https address such as https://cops.example.nhs.uk (it is \"{value}\").");
        }
        return value.TrimEnd('/');
    }

    public string ConnectionString => DatabaseProvider switch
    {
        DatabaseProvider.Postgres => PostgresConnectionString
            ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is not set."),
        DatabaseProvider.SqlServer => SqlServerConnectionString
            ?? throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:SqlServer is not set."),
        _ => DatabaseSetup.SqliteConnectionString(DataDirectory),
    };
}
