using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CopPortal.Web.Infrastructure.Security;

/// <summary>
/// Which reverse proxies may tell the portal the client's address and scheme (X-Forwarded-For / -Proto).
/// Loopback is always trusted (a proxy on the same machine); anything else only when configured, so nobody
/// can claim "https" or another address by sending the headers themselves. X-Forwarded-Host is never used.
/// </summary>
public sealed class ProxySettings
{
    public IReadOnlyList<IPAddress> KnownProxies { get; init; } = [];
    public IReadOnlyList<System.Net.IPNetwork> KnownNetworks { get; init; } = [];

    /// <summary>Reads ForwardedHeaders:KnownProxies and :KnownNetworks, each a list or one value separated by commas or semicolons.</summary>
    public static ProxySettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new ProxySettings
        {
            KnownProxies = List(configuration, "ForwardedHeaders:KnownProxies")
                .Select(v => IPAddress.TryParse(v, out var address) ? address : throw Bad("ForwardedHeaders:KnownProxies", v, "an IP address such as 192.0.2.10"))
                .ToList(),
            KnownNetworks = List(configuration, "ForwardedHeaders:KnownNetworks")
                .Select(v => System.Net.IPNetwork.TryParse(v, out var network) ? network : throw Bad("ForwardedHeaders:KnownNetworks", v, "a network in CIDR form such as 192.0.2.0/24"))
                .ToList(),
        };
    }

    public void Apply(ForwardedHeadersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        // The defaults (loopback) stay; configured proxies are added to them.
        foreach (var proxy in KnownProxies)
        {
            options.KnownProxies.Add(proxy);
        }
        foreach (var network in KnownNetworks)
        {
            options.KnownIPNetworks.Add(network);
        }
    }

    private static IEnumerable<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static InvalidOperationException Bad(string key, string value, string expected) =>
        new($"{key} has \"{value}\", which is not {expected}.");
}
