using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Meetings;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Security;
using CopPortal.Web.Pages.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities.Meetings;

/// <summary>
/// Attendance at a held meeting, recorded by the core team: each member and guest attended, sent apologies or was
/// absent, and whether they consent to their contact details being shared with the group. A CoP can have hundreds
/// of members, so the list is searched and paged; each page is saved on its own, prefilled from RSVPs.
/// </summary>
[CommunityOperation(nameof(CommunityOperations.RunCommunity))]
public class AttendanceModel(CopDbContext db, AttendanceService attendance, TimeProvider clock) : CommunityPageModel
{
    public const int PageSize = 50;

    [BindProperty]
    public List<RowInput> Rows { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Meeting Meeting { get; private set; } = default!;
    public List<Person> People { get; private set; } = [];
    public Pager Pager { get; private set; } = default!;
    public bool IsHeld => Meeting.IsHeldBy(clock.GetUtcNow());

    /// <summary>One person on the form: who they are, their RSVP, and what is recorded (or prefilled).</summary>
    public sealed record Person(string? UserId, int? GuestId, string Name, string? About, RsvpAnswer? Rsvp);

    public sealed class RowInput
    {
        public string? UserId { get; set; }
        public int? GuestId { get; set; }
        public AttendanceStatus? Status { get; set; }
        public bool Consent { get; set; }
    }

    public async Task OnGetAsync(int meetingId)
    {
        await LoadAsync(meetingId);
        var recorded = await db.MeetingAttendance.AsNoTracking().Where(a => a.MeetingId == meetingId).ToListAsync();
        Rows = People.Select(p =>
        {
            var row = recorded.FirstOrDefault(a => p.UserId is not null ? a.UserId == p.UserId : a.GuestId == p.GuestId);
            return new RowInput
            {
                UserId = p.UserId,
                GuestId = p.GuestId,
                Status = row?.Status ?? AttendanceService.Prefill(p.Rsvp),
                Consent = row?.ConsentsToShareContact ?? false,
            };
        }).ToList();
    }

    public async Task<IActionResult> OnPostAsync(int meetingId)
    {
        await LoadAsync(meetingId);
        if (!IsHeld)
        {
            ModelState.AddModelError("", Meeting.IsCancelled
                ? "This meeting was cancelled, so there is no attendance to record"
                : "You can record attendance once the meeting has started");
            return Page();
        }
        for (var i = 0; i < Rows.Count; i++)
        {
            await this.ValidateInputAsync(Rows[i], $"Rows[{i}]");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var tracked = await db.Meetings.SingleAsync(m => m.Id == Meeting.Id);
        await attendance.RecordAsync(tracked, Rows.Select(r => new AttendanceLine(r.UserId, r.GuestId, r.Status!.Value, r.Consent)).ToList());
        TempData["Success"] = "Attendance saved.";
        return Redirect(PortalPaths.WithQuery(PortalPaths.MeetingAttendance(Community.Slug, meetingId), ("q", Q), ("p", PageNumber > 1 ? PageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) : null)));
    }

    private async Task LoadAsync(int meetingId)
    {
        Meeting = await LoadChildAsync(db.Meetings.AsNoTracking(), meetingId);
        var communityId = Community.Id;
        var rsvps = db.MeetingResponses.Where(r => r.MeetingId == meetingId);
        var members = db.Memberships.AsNoTracking().Where(m => m.CommunityId == communityId);
        var guests = db.MeetingGuests.AsNoTracking().Where(g => g.MeetingId == meetingId && g.RevokedAt == null);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var lower = Q.Trim().ToLowerInvariant();
            members = members.Where(m => m.User!.DisplayName.ToLower().Contains(lower));
            guests = guests.Where(g => g.Name.ToLower().Contains(lower));
        }
        var guestList = await guests.OrderBy(g => g.Name)
            .Select(g => new Person(null, g.Id, g.Name, g.Role ?? g.Organisation, g.Answer))
            .ToListAsync();
        var total = await members.CountAsync();
        Pager = new Pager(PageNumber, PageSize, total, PortalPaths.MeetingAttendance(Community.Slug, meetingId), new Dictionary<string, string?> { ["q"] = Q });
        // Guests are few and listed first on the first page; members are paged by name.
        var memberList = await members.OrderBy(m => m.User!.DisplayName).ThenBy(m => m.UserId)
            .Skip(Pager.Skip).Take(PageSize)
            .Select(m => new Person(m.UserId, null, m.User!.DisplayName, m.User.JobTitle,
                rsvps.Where(r => r.UserId == m.UserId).Select(r => (RsvpAnswer?)r.Answer).FirstOrDefault()))
            .ToListAsync();
        People = [.. Pager.Page == 1 ? guestList : [], .. memberList];
    }
}
