using System.Security.Claims;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
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
        var context = await CommunityContext.LoadAsync(db, slug, User);
        if (context is null || !context.IsVisible)
        {
            return NotFound();
        }
        Context = context;
        var id = Community.Id;
        Terms = await db.TermsVersions.AsNoTracking().FirstOrDefaultAsync(t => t.CommunityId == id && t.VersionNumber == Community.CurrentTermsVersion);
        var team = await db.Memberships.AsNoTracking()
            .Where(m => m.CommunityId == id && m.Role != CommunityRole.Member)
            .Select(m => new { m.User!.DisplayName, m.Role })
            .ToListAsync();
        CoreTeam = team.OrderBy(m => RoleOrder(m.Role)).ThenBy(m => m.DisplayName).Select(m => (m.DisplayName, m.Role)).ToList();
        Vacancies = await db.Vacancies.AsNoTracking().Where(v => v.CommunityId == id && v.ClosedAt == null).OrderBy(v => v.OpenedAt).ToListAsync();

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is not null && Context.Role is null)
        {
            OpenRequest = await db.JoinRequests.AsNoTracking()
                .Where(r => r.CommunityId == id && r.ApplicantId == userId
                    && (r.Status == JoinRequestStatus.Pending || r.Status == JoinRequestStatus.InformationRequested || r.Status == JoinRequestStatus.WaitingList))
                .Select(r => (JoinRequestStatus?)r.Status)
                .FirstOrDefaultAsync();
        }
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
