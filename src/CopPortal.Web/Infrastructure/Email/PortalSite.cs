using CopPortal.Domain.Messaging;

namespace CopPortal.Web.Infrastructure.Email;

/// <summary>
/// Absolute links for emails, always from the configured public address (PortalOptions.PublicBaseUrl).
/// Never from the request: its Host header is the sender's to choose.
/// </summary>
public sealed class PortalSite(PortalOptions options) : IPortalSite
{
    public string NetworkName => options.NetworkName;
    public string NetworkRegion => options.NetworkRegion;

    public string Url(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return options.PublicBaseUrl + "/" + path.TrimStart('/');
    }
}
