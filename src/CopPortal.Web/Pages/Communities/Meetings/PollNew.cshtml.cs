using System.Globalization;
using CopPortal.Domain.Links;
using CopPortal.Domain.Meetings;
using CopPortal.Domain.Meetings.Polls;
using CopPortal.Domain.Time;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CopPortal.Web.Pages.Communities.Meetings;

/// <summary>
/// Finding a date: the core team proposes 2–10 dates and times and a closing date. Members are emailed that the poll
/// is open. Times are entered in UK time (Europe/London) and stored in UTC.
/// </summary>
[CommunityOperation(nameof(CommunityOperations.RunCommunity))]
public class PollNewModel(PollService polls, UserManager<CopPortal.Domain.People.PortalUser> users, TimeProvider clock) : CommunityPageModel
{
    /// <summary>Rows offered on the form; up to <see cref="Poll.MaxOptions"/> may be filled in.</summary>
    public const int Rows = Poll.MaxOptions;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? Title { get; set; }
        public string? Description { get; set; }
        public MeetingMode? Mode { get; set; }
        public string? JoinUrl { get; set; }
        public string? Venue { get; set; }
        public int? DurationMinutes { get; set; }
        public DateInput ClosesOn { get; set; } = new();
        public List<OptionInput> Options { get; set; } = [];
    }

    public sealed class OptionInput
    {
        public DateInput Date { get; set; } = new();
        public string? Time { get; set; }

        public bool IsEmpty => Date.IsEmpty && string.IsNullOrWhiteSpace(Time);

        /// <summary>The start in UTC, or null if the date or time is not real. A time in the hour the clocks skip is moved on by it.</summary>
        public DateTimeOffset? StartsAt =>
            Date.Value is DateOnly day && ParseTime(Time) is TimeOnly time
                ? MeetingTimes.ToUtc(day, time)
                : null;
    }

    /// <summary>"14:00", "2pm", "2:30pm", "14.30".</summary>
    public static TimeOnly? ParseTime(string? text)
    {
        var t = (text ?? "").Trim().ToLowerInvariant().Replace('.', ':').Replace(" ", "", StringComparison.Ordinal);
        var pm = t.EndsWith("pm", StringComparison.Ordinal);
        var am = t.EndsWith("am", StringComparison.Ordinal);
        if (pm || am)
        {
            t = t[..^2];
        }
        var parts = t.Split(':');
        if (parts.Length is < 1 or > 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
            || (parts.Length == 2 && (parts[1].Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _))))
        {
            return null;
        }
        var minute = parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0;
        if (am || pm)
        {
            if (hour is < 1 or > 12)
            {
                return null;
            }
            hour = (hour % 12) + (pm ? 12 : 0);
        }
        return hour is >= 0 and < 24 && minute is >= 0 and < 60 ? new TimeOnly(hour, minute) : null;
    }

    public void OnGet()
    {
        Input.Mode = MeetingMode.Online;
        Input.DurationMinutes = Community.MeetingDurationMinutes is >= 15 and <= 480 ? Community.MeetingDurationMinutes : 60;
        Pad();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Pad();
        if (!await this.ValidateInputAsync(Input, context: LondonTime.Today(clock)))
        {
            return Page();
        }
        var length = TimeSpan.FromMinutes(Input.DurationMinutes!.Value);
        var options = Input.Options.Where(o => !o.IsEmpty).Select(o => (o.StartsAt!.Value, o.StartsAt!.Value + length)).ToList();
        var draft = new PollDraft(Input.Title!, Input.Description, Input.Mode!.Value, Input.JoinUrl, Input.Venue, Input.ClosesOn.Value!.Value, options);
        var poll = await polls.CreateAsync(Community, draft, users.GetUserId(User)!);
        TempData["Success"] = "Your poll is open. We have emailed the members to ask which dates they can make.";
        return Redirect(PortalPaths.MeetingPoll(Community.Slug, poll.Id));
    }

    private void Pad()
    {
        while (Input.Options.Count < Rows)
        {
            Input.Options.Add(new OptionInput());
        }
        if (Input.Options.Count > Rows)
        {
            Input.Options = Input.Options.Take(Rows).ToList();
        }
    }
}
