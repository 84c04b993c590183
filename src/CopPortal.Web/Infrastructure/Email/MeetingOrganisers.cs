using CopPortal.Domain.Meetings;
using Microsoft.Extensions.Options;

namespace CopPortal.Web.Infrastructure.Email;

/// <summary>The organiser named in meeting invitations: the address mail is sent from, with the network's name.</summary>
public static class MeetingOrganisers
{
    public static MeetingOrganiser From(IServiceProvider services)
    {
        var mail = services.GetRequiredService<IOptions<MailOptions>>().Value;
        var portal = services.GetRequiredService<PortalOptions>();
        return new MeetingOrganiser($"{portal.NetworkName} team", mail.FromAddress.Trim());
    }
}
