using CopPortal.Domain.Auditing;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Meetings;
using CopPortal.Domain.People;

namespace CopPortal.Domain.Escalations;

/// <summary>
/// A CoP's Triple-A report to the Workforce Council about one held meeting: what the meeting covered and its points
/// for escalation or commendation. The core team drafts it; a chair, co-chair or secretary submits it, after which it
/// is read-only to the CoP (follow-up comments aside) and each point goes through the council's review on its own.
/// </summary>
public class TripleAReport : ICommunityOwned
{
    public int Id { get; set; }
    public int CommunityId { get; set; }
    public Community? Community { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }

    /// <summary>The meeting's content and outputs, as the core team summarises them for the council.</summary>
    [AuditConfidential]
    public string Content { get; set; } = "";

    public ReportStatus Status { get; set; } = ReportStatus.Draft;
    public string? CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? SubmittedById { get; set; }
    public PortalUser? SubmittedBy { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>Two core-team members editing the same draft: the second save is refused rather than lost.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<EscalationPoint> Points { get; set; } = [];

    string? ICommunityOwned.AuthorId => null;

    public bool IsSubmitted => Status == ReportStatus.Submitted;

    public const int ContentMaxLength = 4000;
}

public enum ReportStatus
{
    Draft = 0,
    Submitted = 1,
}

public enum TripleACategory
{
    Advise = 0,
    Assure = 1,
    Alert = 2,
}

public enum PointKind
{
    Escalation = 0,
    Commendation = 1,
}

/// <summary>Where a point is in the council's review. Draft only while its report is a draft.</summary>
public enum PointStatus
{
    Draft = 0,
    Submitted = 1,
    UnderReview = 2,
    Routed = 3,
    OutcomeRecorded = 4,
    Closed = 5,
}

/// <summary>One point of a report, reviewed by the council on its own: Submitted → Under review → Routed → Outcome recorded → Closed.</summary>
public class EscalationPoint : ICommunityOwned
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public TripleAReport? Report { get; set; }

    /// <summary>Copied from the report so the council's queue filters and counts by CoP without a join.</summary>
    public int CommunityId { get; set; }
    public Community? Community { get; set; }

    public TripleACategory Category { get; set; }
    public PointKind Kind { get; set; }
    public string Title { get; set; } = "";

    [AuditConfidential]
    public string Detail { get; set; } = "";

    /// <summary>Where the core team suggests the point should go (free text: the council decides).</summary>
    public string? SuggestedDestination { get; set; }

    public PointStatus Status { get; set; } = PointStatus.Draft;

    /// <summary>Set when the report is submitted; the point's quarter is the quarter of this date.</summary>
    public DateTimeOffset? SubmittedAt { get; set; }

    public string? AssignedToId { get; set; }
    public PortalUser? AssignedTo { get; set; }
    public int? DestinationId { get; set; }
    public EscalationDestination? Destination { get; set; }
    public DateTimeOffset? RoutedAt { get; set; }

    [AuditConfidential]
    public string? Outcome { get; set; }
    public DateTimeOffset? OutcomeRecordedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The core team chose to show the outcome (title and outcome only) to the CoP's members.</summary>
    public bool OutcomeSharedWithMembers { get; set; }

    /// <summary>Two council members acting on the same point at once: the second is refused.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    string? ICommunityOwned.AuthorId => null;

    public const int TitleMaxLength = 150;
    public const int DetailMaxLength = 4000;
    public const int DestinationMaxLength = 200;
    public const int OutcomeMaxLength = 4000;

    /// <summary>Begins (or hands on) the review: Submitted or Under review → Under review, with a council member.</summary>
    public TransitionResult StartReview(string councilMemberId)
    {
        ArgumentException.ThrowIfNullOrEmpty(councilMemberId);
        if (Status is not (PointStatus.Submitted or PointStatus.UnderReview))
        {
            return Refuse("assigned for review", "Only a submitted point, or one already under review, can be assigned.");
        }
        AssignedToId = councilMemberId;
        Status = PointStatus.UnderReview;
        return TransitionResult.Ok;
    }

    /// <summary>Under review → Routed to one of the network's destinations.</summary>
    public TransitionResult Route(EscalationDestination destination, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (Status != PointStatus.UnderReview)
        {
            return Refuse("routed", "Assign the point to a council member for review before routing it.");
        }
        if (!destination.IsActive)
        {
            return TransitionResult.Refused("That destination is no longer in use. Choose another.");
        }
        DestinationId = destination.Id;
        Destination = destination;
        RoutedAt = now;
        Status = PointStatus.Routed;
        return TransitionResult.Ok;
    }

    /// <summary>Routed → Outcome recorded. The outcome is what goes back to the CoP.</summary>
    public TransitionResult RecordOutcome(string outcome, DateTimeOffset now)
    {
        if (Status != PointStatus.Routed)
        {
            return Refuse("given an outcome", "Route the point to a destination before recording its outcome.");
        }
        if (string.IsNullOrWhiteSpace(outcome))
        {
            return TransitionResult.Refused("Enter the outcome");
        }
        Outcome = outcome.Trim();
        OutcomeRecordedAt = now;
        Status = PointStatus.OutcomeRecorded;
        return TransitionResult.Ok;
    }

    /// <summary>Outcome recorded → Closed. Never without an outcome.</summary>
    public TransitionResult Close(DateTimeOffset now)
    {
        if (Status != PointStatus.OutcomeRecorded || string.IsNullOrWhiteSpace(Outcome))
        {
            return Refuse("closed", "Record the outcome before closing the point.");
        }
        ClosedAt = now;
        Status = PointStatus.Closed;
        return TransitionResult.Ok;
    }

    private TransitionResult Refuse(string what, string hint) =>
        TransitionResult.Refused($"A point that is {PointStatuses.Label(Status).ToLowerInvariant()} cannot be {what}. {hint}");
}

public sealed record TransitionResult(bool Succeeded, string? Error)
{
    public static TransitionResult Ok { get; } = new(true, null);

    public static TransitionResult Refused(string error) => new(false, error);
}

public static class PointStatuses
{
    public static string Label(PointStatus status) => status switch
    {
        PointStatus.Draft => "Draft",
        PointStatus.Submitted => "Submitted",
        PointStatus.UnderReview => "Under review",
        PointStatus.Routed => "Routed",
        PointStatus.OutcomeRecorded => "Outcome recorded",
        PointStatus.Closed => "Closed",
        _ => status.ToString(),
    };

    /// <summary>Still with the council: not yet given an outcome.</summary>
    public static bool IsOpen(PointStatus status) => status is PointStatus.Submitted or PointStatus.UnderReview or PointStatus.Routed;
}

/// <summary>A place the council routes points to; a network-managed list that staff edit.</summary>
public class EscalationDestination
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }

    /// <summary>Retired destinations stay on the points already routed to them but are not offered again.</summary>
    public bool IsActive { get; set; } = true;

    public const int NameMaxLength = 200;

    /// <summary>The destinations the information pack names, seeded once; staff edit the list afterwards.</summary>
    public static IReadOnlyList<string> Defaults { get; } =
    [
        "The network's chair",
        "The Workforce Council",
        "The Chief Psychological Professions Officers CoP",
        "The regional leads group",
        "The national workforce, training and education directorate",
    ];
}

/// <summary>
/// A comment on a submitted report: a follow-up from the core team about the report (no point), or part of the
/// thread between the council and the core team about one point.
/// </summary>
public class ReportComment : ICommunityOwned
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public TripleAReport? Report { get; set; }
    public int CommunityId { get; set; }
    public int? PointId { get; set; }
    public string AuthorId { get; set; } = "";
    public PortalUser? Author { get; set; }

    /// <summary>"Council", "Network team" or the author's CoP role, as it was when they wrote.</summary>
    public string AuthorRole { get; set; } = "";

    [AuditConfidential]
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    string? ICommunityOwned.AuthorId => AuthorId;

    public const int BodyMaxLength = 2000;
}

/// <summary>The one overdue-report reminder sent for a held meeting (so it is sent once).</summary>
public class ReportReminder
{
    public int MeetingId { get; set; }
    public DateTimeOffset SentAt { get; set; }
}
