using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Meetings;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Forms.Validators;
using CopPortal.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities.Meetings;

/// <summary>
/// Cancel one meeting, or every meeting still to come in its series, with a reason that goes to everyone invited
/// (METHOD:CANCEL). This page is the one confirmation step for both.
/// </summary>
[CommunityOperation(nameof(CommunityOperations.RunCommunity))]
public class CancelModel(CopDbContext db, MeetingScheduler scheduler, TimeProvider clock) : CommunityPageModel
{
    [BindProperty]
    public CancelInput Input { get; set; } = new();

    public Meeting Meeting { get; private set; } = default!;

    /// <summary>How many meetings of the series "every future meeting" would cancel (this one included).</summary>
    public int FutureInSeries { get; private set; }

    public sealed class CancelInput
    {
        public string? Reason { get; set; }

        public string Scope { get; set; } = ScopeOne;
    }

    public const string ScopeOne = "one";
    public const string ScopeSeries = "series";

    public IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> ScopeItems =>
    [
        new("This meeting only", ScopeOne),
        new($"Every future meeting in the series ({FutureInSeries} meetings, this one included)", ScopeSeries),
    ];

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
        if (Input.Scope == ScopeSeries && Meeting.SeriesId is not null)
        {
            var count = await scheduler.CancelSeriesAsync(Meeting, Input.Reason!);
            TempData["Success"] = $"{count} meetings in the series have been cancelled and everyone invited is being told.";
        }
        else
        {
            await scheduler.CancelAsync(Meeting, Input.Reason!);
            TempData["Success"] = "The meeting has been cancelled and everyone invited has been told.";
        }
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
        if (Meeting.SeriesId is int seriesId)
        {
            var now = clock.GetUtcNow();
            var meetingId = Meeting.Id;
            FutureInSeries = 1 + await db.Meetings.CountAsync(m => m.SeriesId == seriesId && m.Status == MeetingStatus.Scheduled && m.StartsAt > now && m.Id != meetingId);
        }
        return null;
    }
}

public sealed class CancelInputValidator : FormValidator<CancelModel.CancelInput>
{
    public CancelInputValidator()
    {
        RuleFor(x => x.Reason).Required("Enter the reason for cancelling").MaxChars(1000, "The reason");
        RuleFor(x => x.Scope).Must(s => s is CancelModel.ScopeOne or CancelModel.ScopeSeries).WithMessage("Select which meetings to cancel");
    }
}
