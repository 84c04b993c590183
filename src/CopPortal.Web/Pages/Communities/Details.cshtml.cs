using System.Security.Claims;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using CopPortal.Domain.People;
using CopPortal.Domain.Time;
using CopPortal.Web.Infrastructure.Communities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities;

/// <summary>A CoP's public summary, plus the signed-in user's place in it and, for members, the members' area.</summary>
public class DetailsModel(CopDbContext db, TimeProvider clock) : PageModel
{
    public CommunityContext Context { get; private set; } = default!;
    public Community Community => Context.Community;
    public TermsVersion? Terms { get; private set; }
    public List<(string Name, CommunityRole Role)> CoreTeam { get; private set; } = [];
    public List<CoreTeamVacancy> Vacancies { get; private set; } = [];
    public JoinRequestStatus? OpenRequest { get; private set; }
    public bool SignedIn => User.Identity?.IsAuthenticated == true;
    public (bool OpenNow, string Text) Availability { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        // One round trip: the CoP's denormalised row, its current ToR, core team, open vacancies, and the
        // signed-in user's role and open request (the directory's "speed" budget applies here too).
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var data = await db.Communities.AsNoTracking()
            .Where(c => c.Slug == slug)
            .Select(c => new
            {
                Community = c,
                Terms = db.TermsVersions.FirstOrDefault(t => t.CommunityId == c.Id && t.VersionNumber == c.CurrentTermsVersion),
                Role = c.Memberships.Where(m => m.UserId == userId).Select(m => (CommunityRole?)m.Role).FirstOrDefault(),
                OpenRequest = db.JoinRequests
                    .Where(r => r.CommunityId == c.Id && r.ApplicantId == userId
                        && (r.Status == JoinRequestStatus.Pending || r.Status == JoinRequestStatus.InformationRequested || r.Status == JoinRequestStatus.WaitingList))
                    .Select(r => (JoinRequestStatus?)r.Status)
                    .FirstOrDefault(),
                CoreTeam = c.Memberships.Where(m => m.Role != CommunityRole.Member).Select(m => new { m.User!.DisplayName, m.Role }).ToList(),
                Vacancies = c.Vacancies.Where(v => v.ClosedAt == null).OrderBy(v => v.OpenedAt).ToList(),
            })
            .FirstOrDefaultAsync();
        if (data is null)
        {
            return NotFound();
        }
        Context = new CommunityContext(data.Community, userId is null ? null : data.Role, User.IsInRole(NetworkRoles.NetworkStaff));
        if (!Context.IsVisible)
        {
            return NotFound();
        }
        Terms = data.Terms;
        CoreTeam = data.CoreTeam.OrderBy(m => RoleOrder(m.Role)).ThenBy(m => m.DisplayName).Select(m => (m.DisplayName, m.Role)).ToList();
        Vacancies = data.Vacancies;
        OpenRequest = Context.Role is null && userId is not null ? data.OpenRequest : null;
        Availability = JoinAvailability.Describe(Community.Status, Community.Capacity, Community.MemberCount, Community.WindowOpens, Community.WindowCloses, LondonTime.Today(clock));
        return Page();
    }

    public static int RoleOrder(CommunityRole role) => role switch
    {
        CommunityRole.Chair => 0,
        CommunityRole.CoChair => 1,
        CommunityRole.Secretary => 2,
        _ => 3,
    };

    public static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
