namespace CopPortal.Web.Infrastructure.Security;

/// <summary>
/// The client a request came from, for rate limits and sign-in pauses: the connection's remote address, which
/// the forwarded-headers middleware replaces with the real client's when the request came through a trusted proxy.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }
        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }
}
