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
        var items = new List<MinutesItem>();
        var attendance = new List<(string Name, AttendanceStatus Status, bool IsGuest)>();
        var actions = new List<MinutesActionRow>();
        await foreach (var part in s_parts.For(db)(db, minutes.Id, meeting.Id))
        {
            switch (part.Kind)
            {
                case PartKind.Item:
                    items.Add(new MinutesItem { Id = part.Id, MinutesId = minutes.Id, Position = part.Number, Title = part.Text1 ?? "", KeyPoints = part.Text2, Decisions = part.Text3, IsMattersArising = part.Flag });
                    break;
                case PartKind.Attendance:
                    attendance.Add((part.Text1 ?? "", (AttendanceStatus)part.Number, part.Flag));
                    break;
                default:
                    actions.Add(new MinutesActionRow(part.Id, part.Text1 ?? "", part.Text2 ?? "", part.DueOn, (ActionStatus)part.Number));
                    break;
            }
        }
        items.Sort((a, b) => a.Position != b.Position ? a.Position.CompareTo(b.Position) : a.Id.CompareTo(b.Id));
        actions.Sort((a, b) => a.Id.CompareTo(b.Id));
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

    private enum PartKind
    {
        Item = 0,
        Attendance = 1,
        Action = 2,
    }

    /// <summary>One row of <see cref="s_parts"/>: an item, an attendance record or an action, in one shape.</summary>
    private sealed class Part
    {
        public PartKind Kind { get; init; }
        public int Id { get; init; }
        public int Number { get; init; }
        public string? Text1 { get; init; }
        public string? Text2 { get; init; }
        public string? Text3 { get; init; }
        public bool Flag { get; init; }
        public DateOnly? DueOn { get; init; }
    }

    // The items, the recorded attendance and the actions agreed in ONE command (UNION ALL of three same-shaped
    // selects) rather than three: every view of the minutes runs it, and each command costs more than its rows here.
    private static readonly CompiledQuery<Func<CopDbContext, int, int, IAsyncEnumerable<Part>>> s_parts = new(() =>
        EF.CompileAsyncQuery((CopDbContext db, int minutesId, int meetingId) =>
            db.MinutesItems.Where(i => i.MinutesId == minutesId)
                .Select(i => new Part { Kind = PartKind.Item, Id = i.Id, Number = i.Position, Text1 = i.Title, Text2 = i.KeyPoints, Text3 = i.Decisions, Flag = i.IsMattersArising, DueOn = null })
                .Concat(db.MeetingAttendance.Where(a => a.MeetingId == meetingId)
                    .Select(a => new Part { Kind = PartKind.Attendance, Id = a.Id, Number = (int)a.Status, Text1 = a.Name, Text2 = null, Text3 = null, Flag = a.GuestId != null, DueOn = null }))
                .Concat(db.Actions.Where(a => a.MeetingId == meetingId)
                    .Select(a => new Part { Kind = PartKind.Action, Id = a.Id, Number = (int)a.Status, Text1 = a.Description, Text2 = a.OwnerName, Text3 = null, Flag = false, DueOn = a.DueOn }))));
}
