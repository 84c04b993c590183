using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace CopPortal.Web.Accounts;

/// <summary>Identity tokens in account links (the paths come from PortalPaths, absolute addresses from IPortalSite).</summary>
public static class PortalLinks
{
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
