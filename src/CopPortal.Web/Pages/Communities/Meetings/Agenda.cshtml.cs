using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Claims;
using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Meetings;
using CopPortal.Domain.Minutes;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Pdf;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities.Meetings;

/// <summary>What the agenda page and its PDF show: the meeting, its agenda and items, and the matters arising.</summary>
public abstract class AgendaPageBase(CopDbContext db, MinutesService minutes, IPdfRenderer pdf) : CommunityPageModel
{
    public Meeting Meeting { get; private set; } = default!;
    public Agenda? Agenda { get; private set; }
    public List<AgendaItem> Items { get; private set; } = [];
    public MattersArisingList MattersArising { get; private set; } = MattersArisingList.None;

    /// <summary>
    /// How many open actions the agenda page lists under matters arising (soonest due first), with a link to the
    /// actions page for the rest: a CoP can have hundreds open. The print view and the PDF list them all.
    /// </summary>
    public const int MattersArisingShown = 20;
    public List<AgendaTemplate> Templates { get; private set; } = [];
    public bool Print { get; protected set; }
    public bool PdfAvailable => pdf.IsAvailable;

    /// <summary>The core team and staff prepare the agenda (and see it before it is published).</summary>
    public bool CanPrepare => May(nameof(CommunityOperations.RunCommunity)) && !IsArchived;

    /// <summary>Whether this view shows the preparing controls (never in print).</summary>
    public bool Prepares => CanPrepare && !Print;

    /// <summary>The agenda's markup is kept under this (null: rendered afresh).</summary>
    public string? BodyKey { get; protected set; }

    [MemberNotNullWhen(true, nameof(Agenda))]
    public bool Visible => Agenda is not null && (Agenda.PublishedAt is not null || May(nameof(CommunityOperations.RunCommunity)));
    public int MeetingLength => (int)Math.Round((Meeting.EndsAt - Meeting.StartsAt).TotalMinutes);
    public int TotalMinutes => Items.Sum(i => i.MinutesAllotted ?? 0);
    public bool Overruns => TotalMinutes > MeetingLength;

    [BindProperty]
    public AgendaItemInput Input { get; set; } = new() { Purpose = AgendaPurpose.Discussion };

    [BindProperty]
    public int? TemplateId { get; set; }

    protected CopDbContext Db => db;
    protected MinutesService Service => minutes;

    private sealed record Head(Meeting Meeting, Agenda? Agenda, List<AgendaItem> Items);

    // The meeting (in this CoP only), its agenda and the items in one round trip: every view of the agenda runs it.
    private static readonly CompiledQuery<Func<CopDbContext, int, int, Task<Head?>>> s_head = new(() =>
        EF.CompileAsyncQuery((CopDbContext db, int communityId, int id) =>
            (from m in db.Meetings.AsNoTracking()
             where m.CommunityId == communityId && m.Id == id
             from a in db.Agendas.AsNoTracking().Where(a => a.MeetingId == m.Id).DefaultIfEmpty()
             select new Head(m, a, db.AgendaItems.AsNoTracking().Where(i => i.AgendaId == a!.Id).OrderBy(i => i.Position).ToList()))
            .FirstOrDefault()));

    /// <summary>Loads the meeting, agenda and items; <paramref name="allMattersArising"/> for the print view.</summary>
    protected async Task LoadAsync(int id, bool allMattersArising = false)
    {
        var head = await SharedAsync(db, Key("agenda-head", id), () => s_head.For(db)(db, Community.Id, id)) ?? throw new CommunityChildNotFoundException();
        Meeting = head.Meeting;
        Agenda = head.Agenda;
        if (Agenda is not null)
        {
            Items = head.Items;
            if (Items.Any(i => i.IsMattersArising) && Visible)
            {
                MattersArising = await SharedAsync(db, Key("agenda-arising", id, allMattersArising),
                    () => minutes.MattersArisingAsync(Meeting, allMattersArising ? null : MattersArisingShown));
            }
        }
        else if (CanPrepare)
        {
            Templates = await db.AgendaTemplates.AsNoTracking().Include(t => t.Items).Where(t => t.RetiredAt == null).OrderBy(t => t.SortOrder).ToListAsync();
        }
    }
}

/// <summary>
/// A meeting's agenda. Members read it once published; the core team and staff build it (from a network template
/// or empty), add, edit, reorder (move up / move down buttons, no JavaScript needed) and delete items, see a warning
/// when the items take longer than the meeting, and publish it to members by email. "Matters arising" always lists
/// the CoP's open actions from earlier meetings, read live so a closed action drops off by itself.
/// The same page is the print view (?print=true) the PDF is made from.
/// </summary>
[CommunityOperation(nameof(CommunityOperations.ViewMemberContent))]
public class AgendaModel(CopDbContext db, MinutesService minutes, IPdfRenderer pdf, TimeProvider clock) : AgendaPageBase(db, minutes, pdf)
{
    public async Task<IActionResult> OnGetAsync(int id, bool print = false)
    {
        Print = this.IsPrintMode(print);
        await LoadAsync(id, allMattersArising: Print);
        if (Print && !Visible)
        {
            return NotFound();
        }
        // What the kept markup depends on besides the data: print (all matters arising, no controls), and this
        // viewer's controls and sight of an unpublished agenda.
        BodyKey = await SharedMarkupKeyAsync(Db, Key("agenda", id, Print, Prepares, Visible));
        return Page();
    }

    [CommunityOperation(nameof(CommunityOperations.RunCommunity))]
    public async Task<IActionResult> OnPostStartAsync(int id)
    {
        await LoadAsync(id);
        if (Agenda is not null)
        {
            return Redirect(PortalPaths.MeetingAgenda(Community.Slug, id));
        }
        AgendaTemplate? template = null;
        if (TemplateId is int templateId)
        {
            template = await Db.AgendaTemplates.AsNoTracking().Include(t => t.Items).FirstOrDefaultAsync(t => t.Id == templateId && t.RetiredAt == null);
            if (template is null)
            {
                ModelState.AddModelError(nameof(TemplateId), "Choose one of the templates, or start with an empty agenda");
                return Page();
            }
        }
        Db.Agendas.Add(Service.NewAgenda(Meeting, template, UserId));
        try
        {
            await Db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Two people started it at the same moment: the unique index kept the first, which is what they see now.
        }
        TempData["Success"] = template is null ? "Agenda started" : $"Agenda started from the template \"{template.Name}\"";
        return Redirect(PortalPaths.MeetingAgenda(Community.Slug, id));
    }

    [CommunityOperation(nameof(CommunityOperations.RunCommunity))]
    public async Task<IActionResult> OnPostAddAsync(int id)
    {
        await LoadAsync(id);
        if (Agenda is null)
        {
            return Redirect(PortalPaths.MeetingAgenda(Community.Slug, id));
        }
        if (!await this.ValidateInputAsync(Input))
        {
            return Page();
        }
        var item = new AgendaItem { AgendaId = Agenda.Id, Position = Items.Count == 0 ? 1 : Items.Max(i => i.Position) + 1 };
        Input.ApplyTo(item);
        Db.AgendaItems.Add(item);
        await TouchAsync();
        TempData["Success"] = $"Added \"{item.Title}\"";
        return Redirect(PortalPaths.MeetingAgenda(Community.Slug, id) + "#item-" + item.Id);
    }

    [CommunityOperation(nameof(CommunityOperations.RunCommunity))]
    public Task<IActionResult> OnPostMoveUpAsync(int id, int itemId) => MoveAsync(id, itemId, -1);

    [CommunityOperation(nameof(CommunityOperations.RunCommunity))]
    public Task<IActionResult> OnPostMoveDownAsync(int id, int itemId) => MoveAsync(id, itemId, +1);

    [CommunityOperation(nameof(CommunityOperations.RunCommunity))]
    public async Task<IActionResult> OnPostDeleteAsync(int id, int itemId)
    {
        await LoadAsync(id);
        var item = await TrackedItemAsync(itemId);
        Db.AgendaItems.Remove(item);
        // Close the gap so positions stay 1..n.
        foreach (var later in await Db.AgendaItems.Where(i => i.AgendaId == item.AgendaId && i.Position > item.Position).ToListAsync())
        {
            later.Position--;
        }
        await TouchAsync();
        TempData["Success"] = $"Removed \"{item.Title}\"";
        return Redirect(PortalPaths.MeetingAgenda(Community.Slug, id));
    }

    [CommunityOperation(nameof(CommunityOperations.RunCommunity))]
    public async Task<IActionResult> OnPostPublishAsync(int id)
    {
        await LoadAsync(id);
        if (Agenda is null || Items.Count == 0)
        {
            ModelState.AddModelError("", "Add at least one item before publishing the agenda");
            return Page();
        }
        var tracked = await Db.Agendas.FirstAsync(a => a.Id == Agenda.Id);
        var republished = tracked.PublishedAt is not null;
        tracked.PublishedAt = clock.GetUtcNow();
        tracked.PublishedById = UserId;
        var count = await Service.QueueAgendaPublishedAsync(Meeting, Community.Name, Community.Slug);
        await Db.SaveChangesAsync();
        TempData["Success"] = $"Agenda {(republished ? "published again" : "published")}: {count} members will get an email";
        return Redirect(PortalPaths.MeetingAgenda(Community.Slug, id));
    }

    private async Task<IActionResult> MoveAsync(int id, int itemId, int step)
    {
        await LoadAsync(id);
        var item = await TrackedItemAsync(itemId);
        var neighbour = await Db.AgendaItems.FirstOrDefaultAsync(i => i.AgendaId == item.AgendaId && i.Position == item.Position + step);
        if (neighbour is not null)
        {
            (item.Position, neighbour.Position) = (neighbour.Position, item.Position);
            await TouchAsync();
            TempData["Success"] = $"Moved \"{item.Title}\" {(step < 0 ? "up" : "down")}";
        }
        return Redirect(PortalPaths.MeetingAgenda(Community.Slug, id) + "#item-" + item.Id);
    }

    private async Task<AgendaItem> TrackedItemAsync(int itemId)
    {
        var agendaId = Agenda?.Id ?? throw new CommunityChildNotFoundException();
        return await Db.AgendaItems.FirstOrDefaultAsync(i => i.Id == itemId && i.AgendaId == agendaId)
            ?? throw new CommunityChildNotFoundException();
    }

    private async Task TouchAsync()
    {
        var tracked = await Db.Agendas.FirstAsync(a => a.Id == Agenda!.Id);
        tracked.UpdatedAt = clock.GetUtcNow();
        await Db.SaveChangesAsync();
    }

    private string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);
}
