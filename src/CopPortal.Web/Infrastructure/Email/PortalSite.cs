using CopPortal.Domain.Messaging;

namespace CopPortal.Web.Infrastructure.Email;

/// <summary>Absolute links for emails: the configured public address, else the current request's, else localhost.</summary>
public sealed class PortalSite(PortalOptions options, IHttpContextAccessor accessor) : IPortalSite
{
    public string NetworkName => options.NetworkName;
    public string NetworkRegion => options.NetworkRegion;

    public string Url(string path)
    {
        var request = accessor.HttpContext?.Request;
        var baseUrl = options.PublicBaseUrl
            ?? (request is null ? "http://localhost" : $"{request.Scheme}://{request.Host}{request.PathBase}");
        return baseUrl.TrimEnd('/') + "/" + path.TrimStart('/');
    }
}
