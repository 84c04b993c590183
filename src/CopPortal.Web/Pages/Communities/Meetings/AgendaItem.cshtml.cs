using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Meetings;
using CopPortal.Domain.Minutes;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities.Meetings;

/// <summary>Edit one agenda item (the core team and staff). An item of another meeting's agenda is a 404.</summary>
[CommunityOperation(nameof(CommunityOperations.RunCommunity))]
public class AgendaItemModel(CopDbContext db, TimeProvider clock) : CommunityPageModel
{
    public Meeting Meeting { get; private set; } = default!;
    public AgendaItem Item { get; private set; } = default!;

    [BindProperty]
    public AgendaItemInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, int itemId)
    {
        await LoadAsync(id, itemId, tracked: false);
        Input = AgendaItemInput.From(Item);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int itemId)
    {
        await LoadAsync(id, itemId, tracked: true);
        if (!await this.ValidateInputAsync(Input))
        {
            return Page();
        }
        Input.ApplyTo(Item);
        var agenda = await db.Agendas.FirstAsync(a => a.Id == Item.AgendaId);
        agenda.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync();
        TempData["Success"] = $"Saved \"{Item.Title}\"";
        return Redirect(PortalPaths.MeetingAgenda(Community.Slug, id) + "#item-" + Item.Id);
    }

    private async Task LoadAsync(int id, int itemId, bool tracked)
    {
        Meeting = await LoadChildAsync(db.Meetings.AsNoTracking(), id);
        var items = tracked ? db.AgendaItems : db.AgendaItems.AsNoTracking();
        Item = await items.FirstOrDefaultAsync(i => i.Id == itemId && db.Agendas.Any(a => a.Id == i.AgendaId && a.MeetingId == id))
            ?? throw new CommunityChildNotFoundException();
    }
}
