namespace CopPortal.Web.Infrastructure.Communities;

public static class Links
{
    /// <summary>The address to put in emails: the configured public address, else this request's own.</summary>
    public static string BaseUrl(this HttpRequest request, PortalOptions portal)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(portal);
        return string.IsNullOrWhiteSpace(portal.PublicBaseUrl)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : portal.PublicBaseUrl.TrimEnd('/');
    }
}
