using CopPortal.Domain.People;

namespace CopPortal.Domain.Communities;

/// <summary>A member's proposal for a CoP that does not yet exist.</summary>
public class CommunityProposal
{
    public int Id { get; set; }
    public string ProposerId { get; set; } = "";
    public PortalUser? Proposer { get; set; }
    public string Name { get; set; } = "";
    public string WhoFor { get; set; } = "";
    public string Purpose { get; set; } = "";
    public string WhyNoExistingFits { get; set; } = "";
    public string? ChairVolunteers { get; set; }
    public string? SecretaryVolunteers { get; set; }
    public ProposalStatus Status { get; set; } = ProposalStatus.Pending;
    public DateTimeOffset SubmittedAt { get; set; }
    public string? DecidedById { get; set; }
    public PortalUser? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DeclineReason { get; set; }
    public int? CreatedCommunityId { get; set; }
}

public enum ProposalStatus
{
    Pending = 0,
    Accepted = 1,
    Declined = 2,
}
