using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Staff.Communities;

/// <summary>The network's ToR template that every new CoP starts from. Changing it does not change existing CoPs.</summary>
public class TemplateModel(CopDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public TermsInput Input { get; set; } = new();

    public DateTimeOffset UpdatedAt { get; private set; }

    public async Task OnGetAsync()
    {
        var template = await db.TermsTemplates.AsNoTracking().OrderBy(t => t.Id).FirstAsync();
        UpdatedAt = template.UpdatedAt;
        Input = TermsInput.From(template);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var template = await db.TermsTemplates.OrderBy(t => t.Id).FirstAsync();
        UpdatedAt = template.UpdatedAt;
        if (!await this.ValidateInputAsync(Input))
        {
            return Page();
        }
        Input.ApplyTo(template);
        template.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync();
        TempData["Success"] = "Terms of Reference template saved. New communities will start from it";
        return Redirect(PortalPaths.StaffCommunities);
    }
}
