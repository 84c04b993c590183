using CopPortal.Domain.Joining;
using CopPortal.Domain.People;

namespace CopPortal.Domain.Communities;

/// <summary>
/// The fields every Terms of Reference has. Shared by a CoP's versions and the network template,
/// so a new CoP starts as a copy of the template.
/// </summary>
public abstract class TermsContent
{
    public string WhoFor { get; set; } = "";
    public string Purpose { get; set; } = "";
    public string Aims { get; set; } = "";

    /// <summary>How many months between meetings (1 = monthly, 3 = quarterly).</summary>
    public int MeetingFrequencyMonths { get; set; } = 3;
    public int MeetingDurationMinutes { get; set; } = 120;

    /// <summary>Anything the numbers do not say, e.g. "up to 2 hours when there is a presentation".</summary>
    public string? MeetingNote { get; set; }
    public string ChairingArrangements { get; set; } = "";
    public string NoteTakingArrangements { get; set; } = "";
    public string ParticipationExpectations { get; set; } = "";
    public EligibilityCriteria Eligibility { get; set; } = new();

    public void CopyContentFrom(TermsContent other)
    {
        WhoFor = other.WhoFor;
        Purpose = other.Purpose;
        Aims = other.Aims;
        MeetingFrequencyMonths = other.MeetingFrequencyMonths;
        MeetingDurationMinutes = other.MeetingDurationMinutes;
        MeetingNote = other.MeetingNote;
        ChairingArrangements = other.ChairingArrangements;
        NoteTakingArrangements = other.NoteTakingArrangements;
        ParticipationExpectations = other.ParticipationExpectations;
        Eligibility = other.Eligibility.Clone();
    }
}

/// <summary>One version of a CoP's Terms of Reference. Versions are never edited once created.</summary>
public class TermsVersion : TermsContent, ICommunityOwned
{
    /// <summary>Versions are never edited, so whoever published one has no more rights over it than anyone.</summary>
    string? ICommunityOwned.AuthorId => null;

    public int Id { get; set; }
    public int CommunityId { get; set; }
    public Community? Community { get; set; }
    public int VersionNumber { get; set; }

    /// <summary>The date by which the ToR must next be reviewed (annual review).</summary>
    public DateOnly ReviewDueOn { get; set; }
    public string ChangeSummary { get; set; } = "";
    public string? CreatedById { get; set; }
    public PortalUser? CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set once the 30-day reminder for this version's review date has been queued.</summary>
    public DateTimeOffset? ReviewReminderSentAt { get; set; }
}

/// <summary>The network's ToR template (a single row) that staff edit; new CoPs start from it.</summary>
public class TermsTemplate : TermsContent
{
    public int Id { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
