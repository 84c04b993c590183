using System.Text;
using CopPortal.Domain.Messaging;
using Microsoft.AspNetCore.WebUtilities;

namespace CopPortal.Web.Accounts;

/// <summary>Links in account emails: absolute addresses come from the one IPortalSite, plus Identity token encoding.</summary>
public sealed class PortalLinks(IPortalSite site)
{
    public string Absolute(string path) => site.Url(path);

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
