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
        // A handful of small indexed queries, the same number whatever the CoP's size. (A single projected
        // query made EF number every ToR version in the database with a window function: slower as the network grew.)
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var community = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug);
        if (community is null)
        {
            return NotFound();
        }
        var id = community.Id;
        CommunityRole? role = null;
        JoinRequestStatus? openRequest = null;
        if (userId is not null)
        {
            role = await db.Memberships.AsNoTracking().Where(m => m.CommunityId == id && m.UserId == userId).Select(m => (CommunityRole?)m.Role).FirstOrDefaultAsync();
            openRequest = await db.JoinRequests.AsNoTracking()
                .Where(r => r.CommunityId == id && r.ApplicantId == userId
                    && (r.Status == JoinRequestStatus.Pending || r.Status == JoinRequestStatus.InformationRequested || r.Status == JoinRequestStatus.WaitingList))
                .Select(r => (JoinRequestStatus?)r.Status)
                .FirstOrDefaultAsync();
        }
        var data = new
        {
            Community = community,
            Role = role,
            OpenRequest = openRequest,
            Terms = await db.TermsVersions.AsNoTracking().FirstOrDefaultAsync(t => t.CommunityId == id && t.VersionNumber == community.CurrentTermsVersion),
            // Named roles (not "!= Member") so the (CommunityId, Role) index finds the few core-team rows among thousands of members.
            CoreTeam = await db.Memberships.AsNoTracking()
                .Where(m => m.CommunityId == id && (m.Role == CommunityRole.Chair || m.Role == CommunityRole.CoChair || m.Role == CommunityRole.Secretary))
                .Select(m => new { m.User!.DisplayName, m.Role })
                .ToListAsync(),
            Vacancies = await db.Vacancies.AsNoTracking().Where(v => v.CommunityId == id && v.ClosedAt == null).OrderBy(v => v.OpenedAt).ToListAsync(),
        };
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
