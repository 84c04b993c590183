using CopPortal.Domain.Communities;
using CopPortal.Domain.People;

namespace CopPortal.Domain.Meetings;

/// <summary>
/// One meeting of a CoP. Times are stored in UTC and entered and shown in Europe/London (see <c>LondonTime</c>).
/// Minutes, actions and Triple-A reports hang off a meeting; attendance recorded here feeds the minutes' header.
/// </summary>
public class Meeting : ICommunityOwned
{
    public int Id { get; set; }
    public int CommunityId { get; set; }
    public Community? Community { get; set; }

    /// <summary>Set when the meeting is an occurrence of a series; editing "all future" changes the series' later occurrences.</summary>
    public int? SeriesId { get; set; }
    public MeetingSeries? Series { get; set; }

    public string Title { get; set; } = "";
    public MeetingSessionType SessionType { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public MeetingMode Mode { get; set; }

    /// <summary>Teams, Zoom or other joining link; https only. Shown to members and invited guests only.</summary>
    public string? JoinUrl { get; set; }
    public string? Venue { get; set; }
    public string? AccessNotes { get; set; }
    public string? Presenters { get; set; }
    public string? ContentWarning { get; set; }

    /// <summary>An optional topic series the session belongs to ("Trauma-informed care, part 2").</summary>
    public string? TopicSeries { get; set; }
    public string? Description { get; set; }

    public MeetingStatus Status { get; set; } = MeetingStatus.Scheduled;
    public DateTimeOffset? CancelledAt { get; set; }
    public string? CancellationReason { get; set; }

    /// <summary>The iCalendar UID: stable for the life of the meeting, so calendar clients update rather than duplicate.</summary>
    public string CalendarUid { get; set; } = "";

    /// <summary>The iCalendar SEQUENCE: raised whenever a change is sent to invitees.</summary>
    public int CalendarSequence { get; set; }

    /// <summary>When attendance was recorded after the meeting (null until then).</summary>
    public DateTimeOffset? AttendanceRecordedAt { get; set; }

    public string? CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency for edits by two organisers at once.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<MeetingResponse> Responses { get; set; } = [];
    public List<MeetingGuest> Guests { get; set; } = [];
    public List<MeetingAttendance> Attendance { get; set; } = [];

    string? ICommunityOwned.AuthorId => null;

    public bool IsCancelled => Status == MeetingStatus.Cancelled;

    /// <summary>Held: not cancelled and already started. Minutes and Triple-A reports are written for held meetings.</summary>
    public bool IsHeldBy(DateTimeOffset now) => !IsCancelled && StartsAt <= now;

    public const int TitleMaxLength = 200;
    public const int UrlMaxLength = 2000;
    public const int TextMaxLength = 4000;
}

public enum MeetingStatus
{
    Scheduled = 0,
    Cancelled = 1,
}

public enum MeetingSessionType
{
    Regular = 0,
    Spotlight = 1,
    ReflectivePractice = 2,
    ThemedDiscussion = 3,
    TopicSession = 4,
}

public enum MeetingMode
{
    Online = 0,
    InPerson = 1,
    Hybrid = 2,
}

/// <summary>
/// A repeating pattern of meetings (see the cadence rules). Occurrences are generated as <see cref="Meeting"/> rows
/// a year ahead; the rule is kept as text in a small structured form so it can be shown and regenerated.
/// </summary>
public class MeetingSeries : ICommunityOwned
{
    public int Id { get; set; }
    public int CommunityId { get; set; }

    /// <summary>The cadence rule, serialised by the meetings feature (e.g. JSON of its rule type).</summary>
    public string Rule { get; set; } = "";

    /// <summary>Local (Europe/London) start time of day and length, kept across clock changes.</summary>
    public TimeOnly LocalStartTime { get; set; }
    public int DurationMinutes { get; set; }
    public DateOnly FirstDate { get; set; }
    public DateOnly? EndDate { get; set; }

    /// <summary>Generated up to this date; the meetings feature extends it.</summary>
    public DateOnly GeneratedUntil { get; set; }

    public string? CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    string? ICommunityOwned.AuthorId => null;
}

/// <summary>A member's RSVP: attending, or apologies with an optional message. One per member per meeting.</summary>
public class MeetingResponse
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public string UserId { get; set; } = "";
    public PortalUser? User { get; set; }
    public RsvpAnswer Answer { get; set; }
    public string? Message { get; set; }
    public DateTimeOffset RespondedAt { get; set; }
}

public enum RsvpAnswer
{
    Attending = 0,
    Apologies = 1,
}

/// <summary>
/// A named guest invited by the core team to one meeting (a presenter, an expert by experience). They get the
/// invitation and joining link without becoming a member and see only that meeting, through a secret link.
/// </summary>
public class MeetingGuest
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string? Role { get; set; }
    public string? Organisation { get; set; }

    /// <summary>SHA-256 of the guest's secret link token (the token itself is only in their email).</summary>
    public string TokenHash { get; set; } = "";
    public RsvpAnswer? Answer { get; set; }
    public string? InvitedById { get; set; }
    public DateTimeOffset InvitedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>
/// Who was at a held meeting, recorded by the core team afterwards: one row per member or guest, with whether they
/// attended or sent apologies, and whether they consent to their contact details being shared with the group.
/// </summary>
public class MeetingAttendance
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }

    /// <summary>The member, or null for a guest (then <see cref="GuestId"/> is set).</summary>
    public string? UserId { get; set; }
    public PortalUser? User { get; set; }
    public int? GuestId { get; set; }
    public MeetingGuest? Guest { get; set; }

    /// <summary>The name as recorded (kept if the account is later closed).</summary>
    public string Name { get; set; } = "";
    public AttendanceStatus Status { get; set; }
    public bool ConsentsToShareContact { get; set; }
}

public enum AttendanceStatus
{
    Attended = 0,
    Apologies = 1,
    Absent = 2,
}
