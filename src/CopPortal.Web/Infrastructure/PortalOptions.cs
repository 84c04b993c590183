using CopPortal.Domain.Data;

namespace CopPortal.Web.Infrastructure;

/// <summary>Settings for the whole portal; each key is documented in the README's configuration table.</summary>
public sealed class PortalOptions
{
    /// <summary>Where the SQLite file, mail pickup folder and keys live. Created if missing.</summary>
    public string DataDirectory { get; set; } = "./data";
    public DatabaseProvider DatabaseProvider { get; set; } = DatabaseProvider.Sqlite;
    public string? PostgresConnectionString { get; set; }

    /// <summary>The network this deployment serves.</summary>
    public string NetworkName { get; set; } = "PPN Midlands";
    public string NetworkRegion { get; set; } = "Midlands";

    /// <summary>Absolute address used in emails, e.g. https://cops.example.nhs.uk. Defaults to the request's host.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Where people ask the network team for help or an invitation (shown on pages and in emails).</summary>
    public string? ContactEmail { get; set; }

    public static PortalOptions From(IConfiguration configuration)
    {
        var options = new PortalOptions
        {
            DataDirectory = configuration["DataDirectory"] ?? "./data",
            PostgresConnectionString = configuration.GetConnectionString("Postgres"),
            NetworkName = configuration["Network:Name"] ?? "PPN Midlands",
            NetworkRegion = configuration["Network:Region"] ?? "Midlands",
            PublicBaseUrl = configuration["PublicBaseUrl"],
            ContactEmail = configuration["Network:ContactEmail"],
        };
        var provider = configuration["Database:Provider"];
        if (!string.IsNullOrWhiteSpace(provider))
        {
            options.DatabaseProvider = Enum.Parse<DatabaseProvider>(provider, ignoreCase: true);
        }
        options.DataDirectory = Path.GetFullPath(options.DataDirectory);
        return options;
    }

    public string ConnectionString => DatabaseProvider switch
    {
        DatabaseProvider.Postgres => PostgresConnectionString
            ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is not set."),
        _ => DatabaseSetup.SqliteConnectionString(DataDirectory),
    };
}
