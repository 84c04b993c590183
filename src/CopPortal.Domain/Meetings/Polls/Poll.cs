using CopPortal.Domain.Communities;

namespace CopPortal.Domain.Meetings.Polls;

/// <summary>
/// "Finding a date": the core team proposes 2–10 date and time options for a meeting; members answer each one until
/// the poll closes; the core team then picks an option, which becomes a <see cref="Meeting"/>.
/// </summary>
public class Poll : ICommunityOwned
{
    public int Id { get; set; }
    public int CommunityId { get; set; }
    public Community? Community { get; set; }

    /// <summary>The title the meeting will have.</summary>
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public MeetingMode Mode { get; set; }
    public string? JoinUrl { get; set; }
    public string? Venue { get; set; }

    /// <summary>Answers are taken until this instant (the end of the closing day, Europe/London).</summary>
    public DateTimeOffset ClosesAt { get; set; }

    public string? CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when the creator has been told the poll is complete (everyone answered, or it closed), so they are told once.</summary>
    public DateTimeOffset? CreatorNotifiedAt { get; set; }

    /// <summary>The option picked and the meeting it became; a picked poll takes no more answers.</summary>
    public int? ChosenOptionId { get; set; }
    public int? MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    public List<PollOption> Options { get; set; } = [];

    string? ICommunityOwned.AuthorId => null;

    public bool IsOpenAt(DateTimeOffset now) => MeetingId is null && now < ClosesAt;

    public const int MinOptions = 2;
    public const int MaxOptions = 10;
}

/// <summary>One proposed date and time.</summary>
public class PollOption
{
    public int Id { get; set; }
    public int PollId { get; set; }
    public Poll? Poll { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public List<PollAnswer> Answers { get; set; } = [];
}

/// <summary>One member's answer to one option: one row per member per option, changed in place until the poll closes.</summary>
public class PollAnswer
{
    public int Id { get; set; }
    public int PollOptionId { get; set; }
    public PollOption? Option { get; set; }
    public string UserId { get; set; } = "";
    public PollChoice Choice { get; set; }
    public DateTimeOffset AnsweredAt { get; set; }
}

public enum PollChoice
{
    Yes = 0,
    IfNeedBe = 1,
    No = 2,
}
