using CopPortal.Domain.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Bench;

/// <summary>
/// The benchmark's floor: one EF Core query for 12 rows, rendered without the layout (the TechEmpower
/// "fortunes" shape). Every page's throughput is reported as a ratio of this one. Exists only when the
/// benchmark turns it on (Benchmark:FloorPage); otherwise it is a 404.
/// </summary>
[AllowAnonymous]
public class FloorModel(CopDbContext db, IConfiguration configuration) : PageModel
{
    public IReadOnlyList<(int Id, string Name)> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!configuration.GetValue<bool>("Benchmark:FloorPage"))
        {
            return NotFound();
        }
        var rows = await db.Professions.AsNoTracking().OrderBy(p => p.Id).Take(12).Select(p => new { p.Id, p.Name }).ToListAsync();
        Rows = rows.Select(r => (r.Id, r.Name)).ToList();
        return Page();
    }
}
