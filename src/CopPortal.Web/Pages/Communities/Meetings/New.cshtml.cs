using CopPortal.Domain.Communities;
using CopPortal.Domain.Links;
using CopPortal.Domain.Meetings;
using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CopPortal.Web.Pages.Communities.Meetings;

/// <summary>Schedule a meeting, or a series from a cadence rule; every member is sent an invitation.</summary>
[CommunityOperation(nameof(CommunityOperations.RunCommunity))]
public class NewModel(MeetingScheduler scheduler, UserManager<PortalUser> users) : CommunityPageModel
{
    public const string DefaultStart = "14:00";

    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    public string TermsCadence => Cadence.Frequency(Community.MeetingFrequencyMonths).ToLowerInvariant();

    public IActionResult OnGet()
    {
        // The ToR's cadence and length are the defaults: most meetings follow them.
        var minutes = Community.MeetingDurationMinutes > 0 ? Community.MeetingDurationMinutes : 60;
        Input = new MeetingInput
        {
            StartTime = DefaultStart,
            EndTime = TimeOnly.Parse(DefaultStart, System.Globalization.CultureInfo.InvariantCulture).AddMinutes(minutes).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            Repeat = Community.MeetingFrequencyMonths > 0 ? MeetingInput.RepeatTerms : MeetingInput.RepeatOnce,
            IntervalWeeks = 2,
            IntervalMonths = Math.Max(1, Community.MeetingFrequencyMonths),
            Nth = 1,
            Week = 1,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Input.Editing = false;
        if (!await this.ValidateInputAsync(Input))
        {
            return Page();
        }
        var userId = users.GetUserId(User)!;
        var rule = Input.Rule(Math.Max(1, Community.MeetingFrequencyMonths));
        try
        {
            if (rule is null)
            {
                var meeting = await scheduler.ScheduleAsync(Community.Id, Input.Details(), Input.StartsAt!.Value, Input.EndsAt!.Value, userId);
                TempData["Success"] = Input.AlreadyHeld ? "The meeting has been recorded." : "The meeting has been scheduled and every member has been sent an invitation.";
                return Redirect(PortalPaths.Meeting(Community.Slug, meeting.Id));
            }
            var start = Input.StartsAt!.Value;
            var minutes = (int)(Input.EndsAt!.Value - start).TotalMinutes;
            var meetings = await scheduler.ScheduleSeriesAsync(Community.Id, Input.Details(), rule, Input.Date.Value!.Value, MeetingTimes.LocalTime(start), minutes, userId);
            TempData["Success"] = $"{meetings.Count} meetings have been scheduled ({rule.Describe().ToLowerInvariant()}) and every member has been sent the invitations.";
            return Redirect(PortalPaths.Meetings(Community.Slug));
        }
        catch (MeetingException e)
        {
            ModelState.AddModelError("Input.Repeat", e.Message);
            return Page();
        }
    }
}
