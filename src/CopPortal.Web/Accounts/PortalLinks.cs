using System.Text;
using CopPortal.Web.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace CopPortal.Web.Accounts;

/// <summary>Absolute links for emails: from PublicBaseUrl when configured, else from the current request.</summary>
public sealed class PortalLinks(PortalOptions portal, IHttpContextAccessor accessor)
{
    public string BaseUrl
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(portal.PublicBaseUrl))
            {
                return portal.PublicBaseUrl.TrimEnd('/');
            }
            var request = accessor.HttpContext?.Request
                ?? throw new InvalidOperationException("PublicBaseUrl is not set and there is no request to build links from.");
            return $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
    }

    public string Absolute(string path) => BaseUrl + (path.StartsWith('/') ? path : "/" + path);

    /// <summary>Identity tokens contain '+', '/' and '='; encode them so they survive a URL and an email client.</summary>
    public static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? DecodeToken(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
