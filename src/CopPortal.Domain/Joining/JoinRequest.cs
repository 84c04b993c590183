using System.Linq.Expressions;
using CopPortal.Domain.Auditing;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.People;

namespace CopPortal.Domain.Joining;

/// <summary>A person's request to join a CoP, checked against one ToR version.</summary>
public class JoinRequest
{
    public int Id { get; set; }
    public int CommunityId { get; set; }
    public Community? Community { get; set; }
    public string ApplicantId { get; set; } = "";
    public PortalUser? Applicant { get; set; }

    /// <summary>The ToR version whose criteria this request was checked against.</summary>
    public int TermsVersionId { get; set; }
    public TermsVersion? TermsVersion { get; set; }

    public JoinRequestStatus Status
    {
        get => _status;
        set
        {
            _status = value;
            InQueue = value is JoinRequestStatus.Pending or JoinRequestStatus.InformationRequested ? 1 : 0;
        }
    }

    private JoinRequestStatus _status = JoinRequestStatus.Pending;

    /// <summary>
    /// 1 while the request <see cref="AwaitsDecision"/>, else 0; set with <see cref="Status"/>. Stored so the staff
    /// queue's default view is an equality its index serves in order (see <see cref="InQueueFilter"/>).
    /// </summary>
    public int InQueue { get; private set; } = 1;
    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary>Monday (Europe/London) of the week the request arrived: staff process requests week by week.</summary>
    public DateOnly SubmittedWeekOf { get; set; }

    public ApplicationAnswers Answers { get; set; } = new();
    public List<CriterionResult> PrecheckResults { get; set; } = [];

    /// <summary>Worst outcome of the pre-check, kept as a column so the queue can filter on it.</summary>
    public PrecheckOutcome PrecheckOutcome { get; set; }

    public string? DecidedById { get; set; }
    public PortalUser? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The plain-English reason sent to the applicant on decline.</summary>
    public string? DecisionReason { get; set; }

    /// <summary>The question staff asked when requesting more information, and the applicant's answer.</summary>
    public string? InformationRequested { get; set; }
    public string? InformationResponse { get; set; }
    public DateTimeOffset? InformationRequestedAt { get; set; }
    public DateTimeOffset? InformationRespondedAt { get; set; }
    public string? InformationRequestedById { get; set; }

    /// <summary>When the person joined the waiting list; the list is ordered by this.</summary>
    public DateTimeOffset? WaitlistedAt { get; set; }

    /// <summary>Optimistic concurrency: two staff deciding the same request at once cannot both win.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>
    /// The statuses of an open request: the applicant is still waiting for an outcome, so may not ask again.
    /// The one definition behind <see cref="IsOpen"/>, <see cref="OpenFilter"/> and the database's one-open-request index.
    /// </summary>
    public static IReadOnlyList<JoinRequestStatus> OpenStatuses { get; } = [JoinRequestStatus.Pending, JoinRequestStatus.InformationRequested, JoinRequestStatus.WaitingList];

    public bool IsOpen => OpenStatuses.Contains(Status);

    /// <summary><see cref="IsOpen"/> as a query filter.</summary>
    public static Expression<Func<JoinRequest, bool>> OpenFilter { get; } = RuleExpressions.AnyOf<JoinRequest, JoinRequestStatus>(r => r.Status, OpenStatuses);

    /// <summary>The SQL filter of the one-open-request index, from the same list (unchanged text: "Status" IN (0, 1, 5)).</summary>
    public static string OpenIndexFilter { get; } = $"\"Status\" IN ({string.Join(", ", OpenStatuses.Select(s => ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture)))})";

    /// <summary>Staff can approve, decline or ask for more information.</summary>
    public bool AwaitsDecision => Status is JoinRequestStatus.Pending or JoinRequestStatus.InformationRequested;

    /// <summary>The requests in the staff queue, as an equality on <see cref="InQueue"/> (a bare boolean would not use the index).</summary>
    public static Expression<Func<JoinRequest, bool>> InQueueFilter { get; } = r => r.InQueue == 1;
}

public enum JoinRequestStatus
{
    Pending = 0,
    InformationRequested = 1,
    Approved = 2,
    Declined = 3,
    Withdrawn = 4,
    WaitingList = 5,
}

/// <summary>What the applicant told us, captured with the request (profile values may change later).</summary>
public class ApplicationAnswers
{
    public int? ProfessionId { get; set; }
    public string? ProfessionName { get; set; }
    public CareerStage? CareerStage { get; set; }
    public string? JobTitle { get; set; }
    public string? Organisation { get; set; }
    public string? Region { get; set; }

    /// <summary>Answer to "is there a similar CoP in your own region?" when applying from outside the region.</summary>
    public string? NoLocalCoPExplanation { get; set; }
    public bool? MeetsSeniority { get; set; }
    public string? SeniorityExplanation { get; set; }
    public bool? WorksInSetting { get; set; }
    public string? SettingExplanation { get; set; }
    public bool? RepresentsOrganisation { get; set; }
    public bool? BasedInEngland { get; set; }
    public bool? DeliversHealthOrSocialCare { get; set; }
    public string? OrganisationType { get; set; }

    /// <summary>Answers to the required declarations, in the order of the criteria.</summary>
    public List<bool> Declarations { get; set; } = [];

    /// <summary>Answers to the free-text questions, in the order of the criteria.</summary>
    public List<string> QuestionAnswers { get; set; } = [];
}

public enum PrecheckOutcome
{
    Met = 0,
    NeedsJudgement = 1,
    NotMet = 2,
}

/// <summary>One criterion's pre-check: what was checked, the outcome and a one-line plain-English reason.</summary>
public class CriterionResult
{
    public string Criterion { get; set; } = "";

    /// <summary>What the applicant said for this criterion, as plain text for the reviewer.</summary>
    public string Answer { get; set; } = "";
    public PrecheckOutcome Outcome { get; set; }
    public string Reason { get; set; } = "";
}

/// <summary>A network-managed reason staff can pick when declining.</summary>
public class DeclineReasonTemplate
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Text { get; set; } = "";
    public int SortOrder { get; set; }
}

/// <summary>
/// Optional equality and diversity monitoring. Deliberately has no link to the person or the request:
/// it can only ever be reported in aggregate, and it is kept out of the audit trail, which would name its author.
/// </summary>
public class EqualityMonitoringResponse : IKeptApartFromAudit
{
    public int Id { get; set; }
    public int CommunityId { get; set; }
    public DateOnly SubmittedOn { get; set; }

    /// <summary>
    /// SHA-256 (hex) of the one-time key handed to the applicant's browser when their request was sent; unique, so
    /// one request yields at most one response. The key itself is stored nowhere, so this links to nobody.
    /// Null on responses saved before keys existed.
    /// </summary>
    public string? SubmissionKeyHash { get; set; }
    public string? AgeBand { get; set; }
    public string? Sex { get; set; }
    public string? Ethnicity { get; set; }
    public string? Disability { get; set; }
    public string? SexualOrientation { get; set; }
    public string? Religion { get; set; }

    public const int SubmissionKeyHashLength = 64;

    /// <summary>A fresh one-time key for the monitoring form (256 random bits, URL-safe).</summary>
    public static string NewSubmissionKey() =>
        Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashSubmissionKey(string key) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
}
