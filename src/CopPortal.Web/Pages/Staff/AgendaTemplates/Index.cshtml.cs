using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Minutes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Staff.AgendaTemplates;

/// <summary>
/// The network's agenda templates that secretaries and chairs start agendas from: staff add, edit and retire them.
/// A retired template is kept (agendas record which one they started from) and can be brought back. Saves are audited.
/// </summary>
public class IndexModel(CopDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, string Name, string Description, int Items, DateTimeOffset? RetiredAt);

    public List<Row> Templates { get; private set; } = [];

    public async Task OnGetAsync() => Templates = await db.AgendaTemplates.AsNoTracking()
        .OrderBy(t => t.RetiredAt != null).ThenBy(t => t.SortOrder).ThenBy(t => t.Name)
        .Select(t => new Row(t.Id, t.Name, t.Description, t.Items.Count, t.RetiredAt))
        .ToListAsync();

    public async Task<IActionResult> OnPostRetireAsync(int templateId)
    {
        var template = await db.AgendaTemplates.FirstOrDefaultAsync(t => t.Id == templateId);
        if (template is null)
        {
            return NotFound();
        }
        template.RetiredAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync();
        TempData["Success"] = $"\"{template.Name}\" is retired: it is no longer offered for new agendas";
        return Redirect(PortalPaths.StaffAgendaTemplates);
    }

    public async Task<IActionResult> OnPostRestoreAsync(int templateId)
    {
        var template = await db.AgendaTemplates.FirstOrDefaultAsync(t => t.Id == templateId);
        if (template is null)
        {
            return NotFound();
        }
        template.RetiredAt = null;
        await db.SaveChangesAsync();
        TempData["Success"] = $"\"{template.Name}\" is offered for new agendas again";
        return Redirect(PortalPaths.StaffAgendaTemplates);
    }
}
