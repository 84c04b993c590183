using CopPortal.Domain.Actions;
using CopPortal.Domain.Data;
using CopPortal.Domain.Meetings;
using CopPortal.Domain.Minutes;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities.Meetings;

/// <summary>One action agreed in the minutes, as listed in their actions table.</summary>
public sealed record MinutesActionRow(int Id, string Description, string OwnerName, DateOnly? DueOn, ActionStatus Status);

/// <summary>
/// One revision of a meeting's minutes ready to show: the header from the meeting and its recorded attendance,
/// the items, matters arising, the actions and the approval line. The screen page, old revisions, the council's
/// read page, the print view and the PDF all render it with _MinutesDocument.
/// </summary>
public sealed record MinutesView(
    string NetworkName,
    string CommunityName,
    Meeting Meeting,
    MeetingMinutes Minutes,
    IReadOnlyList<MinutesItem> Items,
    IReadOnlyList<string> Attended,
    IReadOnlyList<string> Apologies,
    IReadOnlyList<string> Guests,
    IReadOnlyList<MinutesActionRow> Actions,
    MattersArisingList MattersArising)
{
    /// <summary>Where all the CoP's open actions are listed, when matters arising shows only the first.</summary>
    public string? AllActionsUrl { get; init; }

    /// <summary>Loads what the document shows; <paramref name="mattersArisingLimit"/> lists only the first open actions (the screen page).</summary>
    public static async Task<MinutesView> LoadAsync(CopDbContext db, MinutesService service, string networkName, string communityName, Meeting meeting, MeetingMinutes minutes, int? mattersArisingLimit = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(minutes);
        var items = await db.MinutesItems.AsNoTracking().Where(i => i.MinutesId == minutes.Id).OrderBy(i => i.Position).ToListAsync();
        var attendance = await db.MeetingAttendance.AsNoTracking().Where(a => a.MeetingId == meeting.Id)
            .Select(a => new { a.Name, a.Status, IsGuest = a.GuestId != null })
            .ToListAsync();
        var actions = await db.Actions.AsNoTracking().Where(a => a.MeetingId == meeting.Id)
            .OrderBy(a => a.Id)
            .Select(a => new MinutesActionRow(a.Id, a.Description, a.OwnerName, a.DueOn, a.Status))
            .ToListAsync();
        var mattersArising = items.Any(i => i.IsMattersArising) ? await service.MattersArisingAsync(meeting, mattersArisingLimit) : MattersArisingList.None;
        List<string> Names(Func<string, AttendanceStatus, bool, bool> pick) =>
            attendance.Where(a => pick(a.Name, a.Status, a.IsGuest)).Select(a => a.Name).Order(StringComparer.CurrentCulture).ToList();
        return new MinutesView(
            networkName,
            communityName,
            meeting,
            minutes,
            items,
            Names((_, status, guest) => !guest && status == AttendanceStatus.Attended),
            Names((_, status, _) => status == AttendanceStatus.Apologies),
            Names((_, status, guest) => guest && status == AttendanceStatus.Attended),
            actions,
            mattersArising);
    }
}
