using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Meetings;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Forms.Validators;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CopPortal.Web.Pages.Communities.Meetings;

/// <summary>Cancel one meeting, with a reason that goes to everyone invited (METHOD:CANCEL).</summary>
[CommunityOperation(nameof(CommunityOperations.RunCommunity))]
public class CancelModel(CopDbContext db, MeetingScheduler scheduler) : CommunityPageModel
{
    [BindProperty]
    public CancelInput Input { get; set; } = new();

    public Meeting Meeting { get; private set; } = default!;

    public sealed class CancelInput
    {
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await LoadAsync(id) is { } gone)
        {
            return gone;
        }
        if (!await this.ValidateInputAsync(Input))
        {
            return Page();
        }
        await scheduler.CancelAsync(Meeting, Input.Reason!);
        TempData["Success"] = "The meeting has been cancelled and everyone invited has been told.";
        return Redirect(PortalPaths.Meeting(Community.Slug, id));
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        Meeting = await LoadChildAsync(db.Meetings, id);
        if (Meeting.IsCancelled)
        {
            TempData["Notice"] = "This meeting has already been cancelled.";
            return Redirect(PortalPaths.Meeting(Community.Slug, id));
        }
        return null;
    }
}

public sealed class CancelInputValidator : FormValidator<CancelModel.CancelInput>
{
    public CancelInputValidator()
    {
        RuleFor(x => x.Reason).Required("Enter the reason for cancelling").MaxChars(1000, "The reason");
    }
}
