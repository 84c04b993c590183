using CopPortal.Web.Infrastructure.Database;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CopPortal.Web.Infrastructure;

/// <summary>
/// What the console shows. Someone running the portal on their own machine (Development, or --demo) reads it, so
/// logs are plain lines and a short banner says where the portal is and, with demo data, how to sign in. A
/// deployment's logs go to a collector, so they stay JSON. Logging:Console:FormatterName ("simple" or "json")
/// overrides the choice either way.
/// </summary>
public static class ConsoleOutput
{
    public static bool IsPlainText(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        return configuration["Logging:Console:FormatterName"]?.Trim().ToLowerInvariant() switch
        {
            "json" => false,
            "simple" or "systemd" => true,
            _ => environment.IsDevelopment() || configuration.GetValue<bool>("Demo"),
        };
    }

    /// <summary>The start-up banner: the addresses, and with demo data the accounts and their password.</summary>
    public static string Banner(IEnumerable<string> addresses, bool demo, string networkName)
    {
        var lines = new List<string>
        {
            "",
            $"The {networkName} communities of practice portal is running.",
        };
        lines.AddRange(addresses.Select(a => $"  Open {a.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal)} in your browser."));
        if (demo)
        {
            lines.Add("");
            lines.Add($"Demo data is loaded. Every demo account's password is {DemoData.Password}");
            lines.Add($"  {DemoData.StaffEmail,-24} network team (staff pages)");
            lines.Add($"  {DemoData.CouncilEmail,-24} Workforce Council member");
            lines.Add($"  {DemoData.ChairEmail,-24} chair of Psychological Practitioners");
            lines.Add($"  {DemoData.SecretaryEmail,-24} secretary of Psychological Practitioners");
            lines.Add($"  {DemoData.MemberEmail,-24} member of Psychological Practitioners");
        }
        lines.Add("Press Ctrl+C to stop.");
        lines.Add("");
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>Writes the banner once the server is listening (its addresses are known only then), on a local run.</summary>
    public static void WriteBannerWhenStarted(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!IsPlainText(app.Configuration, app.Environment) || app.Environment.IsEnvironment("Testing"))
        {
            return;
        }
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            Console.Out.WriteLine(Banner(addresses, app.Configuration.GetValue<bool>("Demo"), app.Services.GetRequiredService<PortalOptions>().NetworkName));
        });
    }
}
