using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Messaging;
using CopPortal.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Communities;

public enum ProposalDecisionResult
{
    Done = 0,
    AlreadyDecided = 1,
    NameTaken = 2,
}

/// <summary>
/// Proposals for new CoPs: accepting creates a draft CoP from the network template with the proposer
/// as chair-designate; declining needs a reason. The proposer is emailed either way.
/// </summary>
public class ProposalService(CopDbContext db, CommunityAdmin admin, MembershipService memberships, Outbox outbox, TimeProvider clock, IPortalSite site)
{
    /// <summary>
    /// Records the proposal and tells the network team. Saves. Returns false (and saves nothing) when the
    /// same person already has a pending proposal with the same name: a repeated submit.
    /// </summary>
    public async Task<bool> SubmitAsync(CommunityProposal proposal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var lowerName = proposal.Name.ToLowerInvariant();
        if (await db.Proposals.AnyAsync(p => p.ProposerId == proposal.ProposerId && p.Status == ProposalStatus.Pending && p.Name.ToLower() == lowerName, cancellationToken))
        {
            return false;
        }
        proposal.Status = ProposalStatus.Pending;
        proposal.SubmittedAt = clock.GetUtcNow();
        db.Proposals.Add(proposal);
        foreach (var (email, name) in await StaffRecipients.ListAsync(db, cancellationToken))
        {
            outbox.Enqueue("proposal.submitted", email, name, $"New community proposal: {proposal.Name}",
                $"""
                Someone has proposed a new community of practice: {proposal.Name}.

                Who it is for: {proposal.WhoFor}

                Review it: {site.Url(PortalPaths.StaffProposals)}
                """);
        }
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Creates the draft CoP, makes the proposer its chair and emails them. Saves.</summary>
    public async Task<(ProposalDecisionResult Result, Community? Community)> AcceptAsync(CommunityProposal proposal, string deciderId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        if (proposal.Status != ProposalStatus.Pending)
        {
            return (ProposalDecisionResult.AlreadyDecided, null);
        }
        var proposer = await db.Users.FirstAsync(u => u.Id == proposal.ProposerId, cancellationToken);
        var slug = await FreeSlugAsync(Slugs.FromName(proposal.Name), cancellationToken);
        var summary = proposal.WhoFor.Trim();
        if (summary.Length > CommunityAdmin.SummaryMaxLength)
        {
            summary = summary[..(CommunityAdmin.SummaryMaxLength - 1)].TrimEnd() + "…";
        }
        var details = new CommunityDetails(proposal.Name, slug, summary);
        var errors = await admin.ValidateAsync(details, null, cancellationToken);
        if (errors.Has("Name"))
        {
            return (ProposalDecisionResult.NameTaken, null);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var community = await admin.CreateFromTemplateAsync(details, deciderId, proposal.WhoFor, proposal.Purpose, cancellationToken);
        community.ProposalId = proposal.Id;
        await memberships.AddOrSetRoleAsync(community, proposal.ProposerId, CommunityRole.Chair, cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        proposal.Status = ProposalStatus.Accepted;
        proposal.DecidedById = deciderId;
        proposal.DecidedAt = clock.GetUtcNow();
        proposal.CreatedCommunityId = community.Id;
        outbox.Enqueue("proposal.accepted", proposer.Email!, proposer.DisplayName, $"Your proposal for {proposal.Name} has been accepted",
            $"""
            Dear {proposer.DisplayName},

            Thank you for proposing {proposal.Name}. The network team has accepted your proposal and set up a draft community, with you as its chair-designate.

            Next, the network team will contact you to agree its Terms of Reference, which start from the network's template. When they are ready, the community will open to members.

            Draft Terms of Reference: {site.Url(PortalPaths.Terms(community.Slug))}
            """);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (ProposalDecisionResult.Done, community);
    }

    /// <summary>Declines with a reason that is sent to the proposer. Saves.</summary>
    public async Task<ProposalDecisionResult> DeclineAsync(CommunityProposal proposal, string reason, string deciderId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (proposal.Status != ProposalStatus.Pending)
        {
            return ProposalDecisionResult.AlreadyDecided;
        }
        var proposer = await db.Users.FirstAsync(u => u.Id == proposal.ProposerId, cancellationToken);
        proposal.Status = ProposalStatus.Declined;
        proposal.DecidedById = deciderId;
        proposal.DecidedAt = clock.GetUtcNow();
        proposal.DeclineReason = reason.Trim();
        outbox.Enqueue("proposal.declined", proposer.Email!, proposer.DisplayName, $"Your proposal for {proposal.Name}",
            $"""
            Dear {proposer.DisplayName},

            Thank you for proposing {proposal.Name}. The network team has decided not to set up this community.

            The reason: {proposal.DeclineReason}

            You can still browse the existing communities and ask to join one that fits, or reply to this email to talk it through with the network team.

            Communities: {site.Url(PortalPaths.Communities)}
            """);
        await db.SaveChangesAsync(cancellationToken);
        return ProposalDecisionResult.Done;
    }

    private async Task<string> FreeSlugAsync(string baseSlug, CancellationToken cancellationToken)
    {
        if (baseSlug.Length == 0)
        {
            baseSlug = "community";
        }
        baseSlug = baseSlug.Length > Slugs.MaxLength - 4 ? baseSlug[..(Slugs.MaxLength - 4)].TrimEnd('-') : baseSlug;
        var taken = await db.Communities.Where(c => c.Slug == baseSlug || c.Slug.StartsWith(baseSlug + "-")).Select(c => c.Slug).ToListAsync(cancellationToken);
        if (!taken.Contains(baseSlug) && !Slugs.IsReserved(baseSlug))
        {
            return baseSlug;
        }
        for (var n = 2; ; n++)
        {
            var candidate = $"{baseSlug}-{n}";
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }
}
