using System.Globalization;
using CopPortal.Domain.Meetings;
using CopPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CopPortal.Web.Pages.Communities.Meetings;

/// <summary>The meeting form (schedule and edit): details, the date and London times, and how it repeats.</summary>
public sealed class MeetingInput
{
    public string? Title { get; set; }
    public MeetingSessionType SessionType { get; set; }
    public MeetingMode Mode { get; set; }
    public string? JoinUrl { get; set; }
    public string? Venue { get; set; }
    public string? AccessNotes { get; set; }
    public string? Presenters { get; set; }
    public string? ContentWarning { get; set; }
    public string? TopicSeries { get; set; }
    public string? Description { get; set; }
    public DateInput Date { get; set; } = new();

    /// <summary>"14:00" or "2:30pm" style times, typed in UK time.</summary>
    public string? StartTime { get; set; }
    public string? EndTime { get; set; }

    /// <summary>Ticked to record a meeting that has already been held (no invitations are sent).</summary>
    public bool AlreadyHeld { get; set; }

    /// <summary>once, terms, weeks, months or week-of-month (schedule only).</summary>
    public string Repeat { get; set; } = RepeatOnce;
    public int? IntervalWeeks { get; set; }
    public int? IntervalMonths { get; set; }

    /// <summary>For "months": 1 to 4, or -1 for the last.</summary>
    public int? Nth { get; set; }

    /// <summary>For "week of month": the 1st to 4th full week.</summary>
    public int? Week { get; set; }

    /// <summary>Edit only: "one" (this meeting) or "future" (this and all future meetings of its series).</summary>
    public string Scope { get; set; } = ScopeOne;

    /// <summary>Set by the edit page before validating (never bound from the form).</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public bool Editing { get; set; }

    public const string RepeatOnce = "once";
    public const string RepeatTerms = "terms";
    public const string RepeatWeeks = "weeks";
    public const string RepeatMonths = "months";
    public const string RepeatWeekOfMonth = "week-of-month";
    public const string ScopeOne = "one";
    public const string ScopeFuture = "future";

    public static TimeOnly? ParseTime(string? text)
    {
        var t = (text ?? "").Trim().Replace(".", ":", StringComparison.Ordinal).ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
        string[] formats = ["H:mm", "HH:mm", "h:mmtt", "htt", "hh:mmtt"];
        return TimeOnly.TryParseExact(t.Replace("am", "AM", StringComparison.Ordinal).Replace("pm", "PM", StringComparison.Ordinal), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : null;
    }

    public DateTimeOffset? StartsAt => Date.Value is DateOnly d && ParseTime(StartTime) is TimeOnly t ? MeetingTimes.ToUtc(d, t) : null;
    public DateTimeOffset? EndsAt => Date.Value is DateOnly d && ParseTime(EndTime) is TimeOnly t ? MeetingTimes.ToUtc(d, t) : null;

    public MeetingDetails Details() => new(Title ?? "", SessionType, Mode, JoinUrl, Venue, AccessNotes, Presenters, ContentWarning, TopicSeries, Description);

    /// <summary>The cadence rule the repeat choice makes, from the first date (null for a single meeting).</summary>
    public CadenceRule? Rule(int termsFrequencyMonths)
    {
        if (Date.Value is not DateOnly first)
        {
            return null;
        }
        return Repeat switch
        {
            RepeatTerms => CadenceRule.FromTerms(termsFrequencyMonths, first),
            RepeatWeeks => new WeeklyCadence(IntervalWeeks ?? 0, first.DayOfWeek),
            RepeatMonths => new MonthlyWeekdayCadence(IntervalMonths ?? 0, Nth ?? 0, first.DayOfWeek),
            RepeatWeekOfMonth => new WeekOfMonthCadence(IntervalMonths ?? 0, Week ?? 0, first.DayOfWeek),
            _ => null,
        };
    }

    public static MeetingInput From(Meeting meeting) => new()
    {
        Title = meeting.Title,
        SessionType = meeting.SessionType,
        Mode = meeting.Mode,
        JoinUrl = meeting.JoinUrl,
        Venue = meeting.Venue,
        AccessNotes = meeting.AccessNotes,
        Presenters = meeting.Presenters,
        ContentWarning = meeting.ContentWarning,
        TopicSeries = meeting.TopicSeries,
        Description = meeting.Description,
        Date = DateInput.From(MeetingTimes.LocalDate(meeting.StartsAt)),
        StartTime = MeetingTimes.LocalTime(meeting.StartsAt).ToString("HH:mm", CultureInfo.InvariantCulture),
        EndTime = MeetingTimes.LocalTime(meeting.EndsAt).ToString("HH:mm", CultureInfo.InvariantCulture),
    };

    public static IReadOnlyList<SelectListItem> SessionTypes { get; } =
    [
        new("Regular meeting", nameof(MeetingSessionType.Regular)),
        new("Spotlight session", nameof(MeetingSessionType.Spotlight)),
        new("Reflective practice", nameof(MeetingSessionType.ReflectivePractice)),
        new("Themed discussion", nameof(MeetingSessionType.ThemedDiscussion)),
        new("Topic session", nameof(MeetingSessionType.TopicSession)),
    ];

    public static IReadOnlyList<SelectListItem> Modes { get; } =
    [
        new("Online", nameof(MeetingMode.Online)),
        new("In person", nameof(MeetingMode.InPerson)),
        new("Hybrid (online and in person)", nameof(MeetingMode.Hybrid)),
    ];

    public static IReadOnlyList<SelectListItem> NthItems { get; } =
    [
        new("1st", "1"), new("2nd", "2"), new("3rd", "3"), new("4th", "4"), new("Last", "-1"),
    ];

    public static IReadOnlyList<SelectListItem> WeekItems { get; } =
    [
        new("1st full week", "1"), new("2nd full week", "2"), new("3rd full week", "3"), new("4th full week", "4"),
    ];

    public static IReadOnlyList<SelectListItem> AlreadyHeldItems { get; } =
    [
        new("This meeting has already been held (no invitations are sent)", "true"),
    ];

    public static IReadOnlyList<SelectListItem> ScopeItems { get; } =
    [
        new("This meeting only", ScopeOne),
        new("This and all future meetings in the series", ScopeFuture),
    ];

    public static IReadOnlyList<SelectListItem> RepeatItems(string termsCadence) =>
    [
        new("Does not repeat", RepeatOnce),
        new($"As the Terms of Reference say ({termsCadence}), on the same weekday of the month", RepeatTerms),
        new("Every few weeks on the same weekday", RepeatWeeks),
        new("Every few months on the 1st, 2nd, 3rd, 4th or last weekday", RepeatMonths),
        new("Every few months on this weekday in a full week (for example, the first full week)", RepeatWeekOfMonth),
    ];

    public static string SessionLabel(MeetingSessionType type) => SessionTypes.First(i => i.Value == type.ToString()).Text;

    public static string ModeLabel(MeetingMode mode) => Modes.First(i => i.Value == mode.ToString()).Text;
}
