using CopPortal.Domain.Links;
using System.Security.Claims;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Staff;

/// <summary>Staff edit the network's ground rules; the public page shows the saved text at once. Saves are audited.</summary>
public class GroundRulesModel(CopDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? Text { get; set; }
    }

    public async Task OnGetAsync() => Input.Text = (await LoadAsync()).Text;

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await this.ValidateInputAsync(Input))
        {
            return Page();
        }
        var rules = await LoadAsync();
        rules.Text = Input.Text!.Trim();
        rules.UpdatedAt = clock.GetUtcNow();
        rules.UpdatedById = User.FindFirstValue(ClaimTypes.NameIdentifier);
        await db.SaveChangesAsync();
        TempData["Success"] = "The ground rules have been saved and are published at /ground-rules";
        return Redirect(PortalPaths.Staff);
    }

    private async Task<GroundRules> LoadAsync()
    {
        var rules = await db.GroundRules.OrderBy(g => g.Id).FirstOrDefaultAsync();
        if (rules is null)
        {
            rules = new GroundRules { Text = GroundRules.DefaultText, UpdatedAt = clock.GetUtcNow() };
            db.GroundRules.Add(rules);
        }
        return rules;
    }
}
