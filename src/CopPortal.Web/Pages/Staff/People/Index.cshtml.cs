using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Staff.People;

public class IndexModel(CopDbContext db) : PageModel
{
    private const int PageSize = 25;

    public sealed record Row(string Id, string DisplayName, string? Email, string? Organisation, bool EmailConfirmed, List<string> Roles);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public List<Row> Rows { get; private set; } = [];
    public Pager Pager { get; private set; } = default!;

    public static string RoleLabel(string role) => role switch
    {
        NetworkRoles.NetworkStaff => "Network staff",
        NetworkRoles.CouncilMember => "Council member",
        _ => role,
    };

    public async Task OnGetAsync()
    {
        var query = db.Users.AsNoTracking();
        var q = Q?.Trim();
        if (!string.IsNullOrEmpty(q))
        {
            // Identity keeps an upper-case copy of the email; lower-case the name for a provider-neutral, case-insensitive match.
            var upper = q.ToUpperInvariant();
            var lower = q.ToLowerInvariant();
            query = query.Where(u => u.DisplayName.ToLower().Contains(lower) || u.NormalizedEmail!.Contains(upper));
        }
        Pager = new Pager(PageNumber, PageSize, await query.CountAsync(), PortalPaths.StaffPeople, new Dictionary<string, string?> { ["q"] = q });
        var users = await query.OrderBy(u => u.DisplayName).ThenBy(u => u.Email).Skip(Pager.Skip).Take(PageSize).ToListAsync();
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync();
        Rows = users.Select(u => new Row(u.Id, u.DisplayName, u.Email, u.Organisation, u.EmailConfirmed,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).OrderBy(n => n, StringComparer.Ordinal).ToList())).ToList();
    }
}
