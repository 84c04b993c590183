using CopPortal.Domain.Messaging;
using CopPortal.Web.Infrastructure.Email;

namespace CopPortal.Web.Infrastructure.Operations;

/// <summary>Wraps the configured transport to count failed sends on the portal's meter; it changes nothing else.</summary>
public sealed class CountingMailTransport(IMailTransport inner, PortalMetrics metrics) : IMailTransport
{
    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await inner.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            metrics.SendFailed();
            throw;
        }
    }
}
