using CopPortal.Domain.Data;
using CopPortal.Domain.Minutes;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Council;

/// <summary>Minutes the CoPs have shared with the Workforce Council, newest meeting first (council and staff: folder convention).</summary>
public class MinutesModel(CopDbContext db) : PageModel
{
    public sealed record Row(int MinutesId, string Community, string Meeting, DateTimeOffset StartsAt, DateTimeOffset SharedAt, int Revision);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var rows = await db.MeetingMinutes.AsNoTracking()
            .Where(m => m.SharedWithCouncilAt != null && m.Status == MinutesStatus.Published)
            .Select(m => new Row(m.Id, m.Meeting!.Community!.Name, m.Meeting.Title, m.Meeting.StartsAt, m.SharedWithCouncilAt!.Value, m.Revision))
            .ToListAsync();
        Rows = rows.OrderByDescending(r => r.StartsAt).ThenBy(r => r.Community, StringComparer.CurrentCulture).ToList();
    }
}
