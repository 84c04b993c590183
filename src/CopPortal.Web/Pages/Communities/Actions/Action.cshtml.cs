using System.Security.Claims;
using CopPortal.Domain.Actions;
using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Time;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Forms.Validators;
using CopPortal.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities.Actions;

/// <summary>
/// One action with its history. Its owner (while a member) and the core team or staff change its status with a note
/// (EditItem against the action); a change made meanwhile by someone else is refused, not overwritten.
/// </summary>
[CommunityOperation(nameof(CommunityOperations.ViewMemberContent))]
public class ActionModel(CopDbContext db, ActionService actions, IAuthorizationService authz, TimeProvider clock) : CommunityPageModel
{
    public CommunityAction Item { get; private set; } = default!;
    public string Owner { get; private set; } = "";
    public string? MeetingTitle { get; private set; }
    public DateTimeOffset? MeetingStartsAt { get; private set; }
    public bool Overdue { get; private set; }
    public bool CanUpdate { get; private set; }

    [BindProperty]
    public UpdateInput Input { get; set; } = new();

    public sealed class UpdateInput
    {
        public string? Status { get; set; }
        public string? Note { get; set; }
        public Guid Stamp { get; set; }
    }

    public List<SelectListItem> StatusItems => Enum.GetValues<ActionStatus>()
        .Select(s => new SelectListItem(IndexModel.Label(s), s.ToString(), string.Equals(Input.Status, s.ToString(), StringComparison.Ordinal))).ToList();

    public async Task OnGetAsync(int actionId)
    {
        await LoadAsync(actionId);
        Input = new UpdateInput { Status = Item.Status.ToString(), Stamp = Item.ConcurrencyStamp };
    }

    public async Task<IActionResult> OnPostAsync(int actionId, CancellationToken cancellationToken)
    {
        await LoadAsync(actionId, tracked: true);
        if (!CanUpdate)
        {
            return Forbid();
        }
        if (!await this.ValidateInputAsync(Input))
        {
            return Page();
        }
        var status = Enum.Parse<ActionStatus>(Input.Status!);
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var userName = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
        if (!await actions.UpdateStatusAsync(Item, Input.Stamp, status, FieldRules.Clean(Input.Note), userId, userName, cancellationToken))
        {
            await LoadAsync(actionId);
            ModelState.Clear();
            ModelState.AddModelError("", $"Someone else updated this action while you were looking at it: it is now {IndexModel.Label(Item.Status).ToLowerInvariant()}. Nothing has been saved. Check its history below and update it again if you need to.");
            Input.Stamp = Item.ConcurrencyStamp;
            return Page();
        }
        TempData["Success"] = $"Action updated: {IndexModel.Label(status).ToLowerInvariant()}.";
        return Redirect(PortalPaths.Action(Community.Slug, actionId));
    }

    private async Task LoadAsync(int actionId, bool tracked = false)
    {
        var query = (tracked ? db.Actions : db.Actions.AsNoTracking()).Include(a => a.Updates);
        Item = await LoadChildAsync(query, actionId);
        Item.Updates.Sort((a, b) => b.At.CompareTo(a.At) is var c && c != 0 ? c : b.Id.CompareTo(a.Id));
        Owner = Item.OwnerUserId is null ? Item.OwnerName
            : await db.Users.Where(u => u.Id == Item.OwnerUserId).Select(u => u.DisplayName).FirstAsync();
        if (Item.MeetingId is { } meetingId)
        {
            var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => new { m.Title, m.StartsAt }).FirstAsync();
            (MeetingTitle, MeetingStartsAt) = (meeting.Title, meeting.StartsAt);
        }
        Overdue = Item.IsOverdueOn(LondonTime.Today(clock));
        // The owner while a member, the core team and staff: the EditItem rule, against this action.
        CanUpdate = !IsArchived && (await authz.AuthorizeAsync(User, Item, CommunityOperations.EditItem)).Succeeded;
    }
}

public sealed class ActionUpdateInputValidator : FormValidator<ActionModel.UpdateInput>
{
    public const int NoteMaxLength = 2000;

    public ActionUpdateInputValidator()
    {
        RuleFor(x => x.Status).Must(s => Enum.TryParse<ActionStatus>(s, out var v) && Enum.IsDefined(v) && !int.TryParse(s, out _))
            .WithMessage("Select the action's status");
        RuleFor(x => x.Note).Required("Enter a note about the update, for example what was done").MaxChars(NoteMaxLength, "Note");
    }
}
