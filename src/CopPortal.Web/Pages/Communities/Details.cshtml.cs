using System.Security.Claims;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using CopPortal.Domain.Time;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities;

/// <summary>A CoP's public summary, plus the signed-in user's place in it and, for members, the members' area.</summary>
[CommunityOperation(nameof(CommunityOperations.ViewCommunity))]
public class DetailsModel(CopDbContext db, TimeProvider clock) : CommunityPageModel
{
    public TermsVersion? Terms { get; private set; }
    public List<(string Name, CommunityRole Role)> CoreTeam { get; private set; } = [];
    public List<CoreTeamVacancy> Vacancies { get; private set; } = [];
    public JoinRequestStatus? OpenRequest { get; private set; }
    public bool SignedIn => User.Identity?.IsAuthenticated == true;
    public (bool OpenNow, string Text) Availability { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        // A handful of small indexed queries, the same number whatever the CoP's size. (A single projected
        // query made EF number every ToR version in the database with a window function: slower as the network grew.)
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var id = Community.Id;
        if (userId is not null && Role is null)
        {
            OpenRequest = await db.JoinRequests.AsNoTracking()
                .Where(r => r.CommunityId == id && r.ApplicantId == userId)
                .Where(JoinRequest.OpenFilter)
                .Select(r => (JoinRequestStatus?)r.Status)
                .FirstOrDefaultAsync();
        }
        Terms = await db.TermsVersions.AsNoTracking().CurrentOf(id).FirstOrDefaultAsync();
        var coreTeam = await db.Memberships.AsNoTracking()
            .Where(m => m.CommunityId == id)
            .Where(CommunityRoles.CoreTeamFilter)
            .Select(m => new { m.User!.DisplayName, m.Role })
            .ToListAsync();
        CoreTeam = coreTeam.OrderBy(m => RoleOrder(m.Role)).ThenBy(m => m.DisplayName).Select(m => (m.DisplayName, m.Role)).ToList();
        Vacancies = await db.Vacancies.AsNoTracking().Where(v => v.CommunityId == id && v.ClosedAt == null).OrderBy(v => v.OpenedAt).ToListAsync();
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
