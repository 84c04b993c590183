namespace CopPortal.Domain.Messaging;

/// <summary>
/// What emails need to know about the deployment: the network's name and region, and absolute links
/// back to the portal (emails cannot use relative URLs). The web app supplies it.
/// </summary>
public interface IPortalSite
{
    string NetworkName { get; }
    string NetworkRegion { get; }

    /// <summary>An absolute URL for a portal path such as "/my".</summary>
    string Url(string path);
}
