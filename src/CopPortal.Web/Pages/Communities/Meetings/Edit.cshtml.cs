using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Meetings;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities.Meetings;

/// <summary>Change a meeting still to come: this one, or this and all future meetings of its series.</summary>
[CommunityOperation(nameof(CommunityOperations.RunCommunity))]
public class EditModel(CopDbContext db, MeetingScheduler scheduler, TimeProvider clock) : CommunityPageModel
{
    public const string StaleMessage = "Someone else changed this meeting while you were editing it. Check the details below and save again";

    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    /// <summary>The meeting's concurrency stamp when the form was shown: a change by someone else in between is refused.</summary>
    [BindProperty]
    public Guid Stamp { get; set; }

    public Meeting Meeting { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await LoadAsync(id) is { } gone)
        {
            return gone;
        }
        Input = MeetingInput.From(Meeting);
        Stamp = Meeting.ConcurrencyStamp;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await LoadAsync(id) is { } gone)
        {
            return gone;
        }
        Input.Editing = true;
        if (Meeting.SeriesId is null)
        {
            Input.Scope = MeetingInput.ScopeOne;
        }
        if (!await this.ValidateInputAsync(Input))
        {
            return Page();
        }
        if (Stamp != Meeting.ConcurrencyStamp)
        {
            ModelState.AddModelError("Input.Title", StaleMessage);
            Stamp = Meeting.ConcurrencyStamp;
            return Page();
        }
        try
        {
            if (Input.Scope == MeetingInput.ScopeFuture)
            {
                var count = await scheduler.EditFutureAsync(Meeting, Input.Details(), Input.StartsAt!.Value, Input.EndsAt!.Value);
                TempData["Success"] = $"{count} meetings have been changed and everyone invited has been sent the changes.";
            }
            else
            {
                await scheduler.EditOneAsync(Meeting, Input.Details(), Input.StartsAt!.Value, Input.EndsAt!.Value);
                TempData["Success"] = "The meeting has been changed and everyone invited has been sent the change.";
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("Input.Title", StaleMessage);
            return Page();
        }
        catch (MeetingException e)
        {
            ModelState.AddModelError("Input.Title", e.Message);
            return Page();
        }
        return Redirect(PortalPaths.Meeting(Community.Slug, id));
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        Meeting = await LoadChildAsync(db.Meetings, id);
        if (Meeting.IsCancelled || Meeting.StartsAt <= clock.GetUtcNow())
        {
            TempData["Notice"] = Meeting.IsCancelled ? "A cancelled meeting cannot be changed." : "A meeting that has started cannot be changed.";
            return Redirect(PortalPaths.Meeting(Community.Slug, id));
        }
        return null;
    }
}
