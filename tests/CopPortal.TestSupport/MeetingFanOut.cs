using CopPortal.Domain.Meetings;
using Microsoft.Extensions.DependencyInjection;

namespace CopPortal.TestSupport;

/// <summary>
/// Tests run with the background workers off (Mail:DispatcherEnabled=false), so they expand queued meeting
/// invitation runs themselves, as the worker would, before reading the invitations in the outbox.
/// </summary>
public static class MeetingFanOut
{
    /// <summary>Expands every queued run, as one instance; returns how many messages it queued.</summary>
    public static async Task<int> ExpandMeetingInvitationsAsync(this PortalFactory portal, string instance = "test-instance", int batchSize = MeetingInvitationFanOut.DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(portal);
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MeetingInvitationFanOut>().ExpandDueAsync(instance, batchSize);
    }
}
