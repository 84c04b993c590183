using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Messaging;
using CopPortal.Domain.People;
using CopPortal.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Joining;

/// <summary>A rule stopped the action; the message is plain English and safe to show the user.</summary>
public sealed class JoinRequestException(string message) : Exception(message);

/// <summary>
/// The life of a join request: submit (with the automatic pre-check), withdraw, and the network team's
/// decisions (approve, waiting list, decline, ask for more information), each with its email queued in
/// the same SaveChanges so a decision and its email are committed together or not at all.
/// </summary>
public class JoinRequestService(CopDbContext db, TimeProvider clock, Outbox outbox, MembershipService memberships, IPortalSite site, CommunityCache communityCache, CopPortal.Domain.Meetings.MeetingInvitations meetingInvitations)
{
    public const string ReceivedEmail = "join-request.received";
    public const string ApprovedEmail = "join-request.approved";
    public const string WaitingListEmail = "join-request.waiting-list";
    public const string PlaceOfferedEmail = "join-request.place-offered";
    public const string DeclinedEmail = "join-request.declined";
    public const string InformationRequestedEmail = "join-request.information-requested";

    /// <summary>The ToR version in force for a community, read without tracking.</summary>
    public Task<TermsVersion?> CurrentTermsAsync(int communityId, CancellationToken cancellationToken = default) =>
        db.TermsVersions.AsNoTracking().CurrentOf(communityId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Records the request with its pre-check. A second open request for the same CoP is refused here,
    /// and by the database's filtered unique index if two submissions race (DbUpdateException).
    /// </summary>
    public async Task<JoinRequest> SubmitAsync(Community community, PortalUser applicant, ApplicationAnswers answers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(applicant);
        ArgumentNullException.ThrowIfNull(answers);
        if (community.Status != CommunityStatus.Active)
        {
            throw new JoinRequestException($"{community.Name} is not taking new members");
        }
        var terms = await CurrentTermsAsync(community.Id, cancellationToken)
            ?? throw new JoinRequestException($"{community.Name} has no Terms of Reference yet, so it cannot take requests");
        if (terms.Eligibility.Window is { } window && !window.IsOpenOn(LondonTime.Today(clock)))
        {
            throw new JoinRequestException($"Applications to join {community.Name} are closed");
        }
        if (await db.Memberships.AnyAsync(m => m.CommunityId == community.Id && m.UserId == applicant.Id, cancellationToken))
        {
            throw new JoinRequestException($"You are already a member of {community.Name}");
        }
        if (await db.JoinRequests.Where(r => r.CommunityId == community.Id && r.ApplicantId == applicant.Id).Where(JoinRequest.OpenFilter).AnyAsync(cancellationToken))
        {
            throw new JoinRequestException($"You have already asked to join {community.Name}");
        }

        // Profession names come from the same in-memory catalogue the alternatives use.
        var professions = (await communityCache.EligibilityAsync(db, cancellationToken)).ProfessionNames;
        answers.ProfessionName = answers.ProfessionId is int id ? professions.GetValueOrDefault(id) : null;
        var results = EligibilityChecker.Check(terms.Eligibility, answers, professions, site.NetworkRegion);
        var now = clock.GetUtcNow();
        var request = new JoinRequest
        {
            CommunityId = community.Id,
            ApplicantId = applicant.Id,
            TermsVersionId = terms.Id,
            Status = JoinRequestStatus.Pending,
            SubmittedAt = now,
            SubmittedWeekOf = LondonTime.WeekOf(now),
            Answers = answers,
            PrecheckResults = results,
            PrecheckOutcome = EligibilityChecker.Overall(results),
        };
        db.JoinRequests.Add(request);

        var decisionBy = terms.Eligibility.Window?.DecisionBy is DateOnly by ? $" by {LondonTime.Date(by)}" : " within about a week";
        outbox.Enqueue(ReceivedEmail, applicant.Email!, applicant.DisplayName, $"We have received your request to join {community.Name}",
            $"""
            Dear {applicant.DisplayName},

            Thank you for asking to join {community.Name}.

            The {site.NetworkName} team checks requests against the community's Terms of Reference every week. We will email you with our decision{decisionBy}.

            You can see your request, or withdraw it, at {site.Url(PortalPaths.My)}

            {site.NetworkName} team
            """, topic: EmailTopic.JoinDecisions, userId: applicant.Id);
        await db.SaveChangesAsync(cancellationToken);
        return request;
    }

    public async Task WithdrawAsync(JoinRequest request, string applicantId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ApplicantId != applicantId)
        {
            throw new JoinRequestException("You can only withdraw your own requests");
        }
        if (!request.IsOpen)
        {
            throw new JoinRequestException("This request has already been decided or withdrawn");
        }
        request.Status = JoinRequestStatus.Withdrawn;
        request.ConcurrencyStamp = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Approves: a membership, or a place on the waiting list when the community is full.</summary>
    public Task<JoinRequestStatus> ApproveAsync(JoinRequest request, string staffUserId, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var status = await ApproveCoreAsync(request, staffUserId, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return status;
        }, cancellationToken);

    /// <summary>
    /// Approves the given requests that are still pending with every criterion Met, in the order they
    /// arrived, in one unit of work. Returns how many became members and how many joined a waiting list.
    /// Throws DbUpdateConcurrencyException, having saved nothing, if someone else decided one of them meanwhile.
    /// </summary>
    public Task<(int Approved, int WaitingList)> BulkApproveAsync(IReadOnlyCollection<int> requestIds, string staffUserId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestIds);
        return db.InTransactionAsync(() => BulkApproveCoreAsync(requestIds, staffUserId, cancellationToken), cancellationToken);
    }

    private async Task<(int Approved, int WaitingList)> BulkApproveCoreAsync(IReadOnlyCollection<int> requestIds, string staffUserId, CancellationToken cancellationToken)
    {
        // Every community first, in id order, so two bulk approvals never wait on each other's locks in a cycle,
        // and the requests are then read after any approval that held a lock has committed.
        var communityIds = await db.JoinRequests.Where(r => requestIds.Contains(r.Id)).Select(r => r.CommunityId).Distinct()
            .OrderBy(id => id).ToListAsync(cancellationToken);
        foreach (var communityId in communityIds)
        {
            await memberships.LockAsync(communityId, cancellationToken);
        }
        var requests = await db.JoinRequests
            .Include(r => r.Community).Include(r => r.Applicant)
            .Where(r => requestIds.Contains(r.Id) && r.Status == JoinRequestStatus.Pending && r.PrecheckOutcome == PrecheckOutcome.Met)
            .OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        int approved = 0, waiting = 0;
        foreach (var request in requests)
        {
            if (await ApproveCoreAsync(request, staffUserId, cancellationToken) == JoinRequestStatus.Approved)
            {
                approved++;
            }
            else
            {
                waiting++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return (approved, waiting);
    }

    public async Task DeclineAsync(JoinRequest request, string staffUserId, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.AwaitsDecision && request.Status != JoinRequestStatus.WaitingList)
        {
            throw new JoinRequestException("This request has already been decided or withdrawn");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new JoinRequestException("Give a reason for declining");
        }
        var community = await CommunityOfAsync(request, cancellationToken);
        var applicant = await ApplicantOfAsync(request, cancellationToken);
        Decide(request, JoinRequestStatus.Declined, staffUserId);
        request.DecisionReason = reason.Trim();

        var alternatives = await AlternativesAsync(request, cancellationToken);
        var instead = alternatives.Shown.Count == 0
            ? ""
            : (alternatives.More
                ? "Your answers meet the criteria of other communities too. These are some you could ask to join:\n"
                : "Your answers meet the criteria of these other communities, which you could ask to join:\n") +
              string.Join("\n", alternatives.Shown.Select(a => $"- {a.Name}: {site.Url(PortalPaths.Join(a.Slug))}")) + "\n" +
              (alternatives.More ? $"You can see every community at {site.Url(PortalPaths.Communities)}\n" : "") + "\n";
        outbox.Enqueue(DeclinedEmail, applicant.Email!, applicant.DisplayName, $"Your request to join {community.Name}",
            $"""
            Dear {applicant.DisplayName},

            Thank you for asking to join {community.Name}. We are sorry, but we cannot offer you a place.

            Why: {request.DecisionReason}

            What you could do instead

            {instead}If no community fits your role or area of practice, you could propose a new one: {site.Url(PortalPaths.ProposeCommunity)}
            The {site.NetworkName} team can help you set it up if there is enough interest.

            If your circumstances change, you can ask to join again. If you think we have made a mistake, reply to this email.

            {site.NetworkName} team
            """, topic: EmailTopic.JoinDecisions, userId: applicant.Id);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RequestInformationAsync(JoinRequest request, string staffUserId, string question, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EnsureAwaitsDecision(request);
        if (string.IsNullOrWhiteSpace(question))
        {
            throw new JoinRequestException("Enter what you would like the applicant to tell you");
        }
        var community = await CommunityOfAsync(request, cancellationToken);
        var applicant = await ApplicantOfAsync(request, cancellationToken);
        var now = clock.GetUtcNow();
        request.Status = JoinRequestStatus.InformationRequested;
        request.InformationRequested = question.Trim();
        request.InformationRequestedAt = now;
        request.InformationRequestedById = staffUserId;
        request.InformationResponse = null;
        request.InformationRespondedAt = null;
        request.ConcurrencyStamp = Guid.NewGuid();
        outbox.Enqueue(InformationRequestedEmail, applicant.Email!, applicant.DisplayName, $"We need more information about your request to join {community.Name}",
            $"""
            Dear {applicant.DisplayName},

            Thank you for asking to join {community.Name}. Before we can decide, we need a little more information:

            {request.InformationRequested}

            Answer here: {site.Url(PortalPaths.RespondToRequest(request.Id))}

            Your request will come back to the network team as soon as you answer.

            {site.NetworkName} team
            """, topic: EmailTopic.JoinDecisions, userId: applicant.Id);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RespondAsync(JoinRequest request, string applicantId, string answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ApplicantId != applicantId)
        {
            throw new JoinRequestException("You can only answer questions about your own requests");
        }
        if (request.Status != JoinRequestStatus.InformationRequested)
        {
            throw new JoinRequestException("The network team is not waiting for information about this request");
        }
        request.Status = JoinRequestStatus.Pending;
        request.InformationResponse = answer.Trim();
        request.InformationRespondedAt = clock.GetUtcNow();
        request.ConcurrencyStamp = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A member leaves; if the community has a waiting list, the freed place goes to the first on it.</summary>
    public Task LeaveAsync(Community community, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(community);
        return db.InTransactionAsync(async () =>
        {
            if (!await memberships.RemoveAsync(community, userId, cancellationToken))
            {
                throw new JoinRequestException($"You are not a member of {community.Name}");
            }
            // Their future meetings leave their calendar (METHOD:CANCEL), in the same commit as the leaving.
            await meetingInvitations.CancelForLeavingMemberAsync(community.Id, userId, cancellationToken);
            await OfferFreedPlacesCoreAsync(community, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Gives free places (after a member leaves or capacity grows) to the waiting list in order.</summary>
    public Task<int> OfferFreedPlacesAsync(Community community, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var offered = await OfferFreedPlacesCoreAsync(community, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return offered;
        }, cancellationToken);

    /// <summary>
    /// Active communities, other than the request's and those the applicant belongs to, whose current
    /// criteria the answers meet: every criterion Met. A criterion the answers never addressed (such as
    /// another community's seniority question) needs judgement, so that community is not suggested.
    /// </summary>
    /// <summary>
    /// At most this many other communities are suggested: in a network of two thousand communities hundreds can
    /// fit, a list that long helps nobody, and checking every one made reviewing a request slower as the network grew.
    /// </summary>
    public const int MaxAlternatives = 10;

    /// <summary>Other communities whose criteria the answers meet (at most <see cref="MaxAlternatives"/>), and whether there are more.</summary>
    public sealed record AlternativeCommunities(IReadOnlyList<(string Name, string Slug)> Shown, bool More);

    public async Task<AlternativeCommunities> AlternativesAsync(JoinRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var memberOf = (await db.Memberships.AsNoTracking()
                .Where(m => m.UserId == request.ApplicantId)
                .Select(m => m.CommunityId)
                .ToListAsync(cancellationToken))
            .ToHashSet();
        return await AlternativesAsync(request, memberOf, cancellationToken);
    }

    /// <summary>As <see cref="AlternativesAsync(JoinRequest, CancellationToken)"/>, for a caller that has already read the applicant's memberships.</summary>
    public async Task<AlternativeCommunities> AlternativesAsync(JoinRequest request, IReadOnlySet<int> memberOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(memberOf);
        // Every active community's current criteria come from memory (CommunityCache), so no query here however
        // many communities the network runs.
        var catalogue = await communityCache.EligibilityAsync(db, cancellationToken);
        var professionId = request.Answers.ProfessionId;
        // The closest fits first: communities that name the applicant's profession, then those open to every
        // profession, each by name. Evaluated lazily, so the full check runs only until one more than is shown is found.
        var ordered = catalogue.Communities.Where(c => professionId is int id && c.Criteria.ProfessionIds.Contains(id))
            .Concat(catalogue.Communities.Where(c => c.Criteria.ProfessionIds.Count == 0));
        var found = ordered
            .Where(c => c.Id != request.CommunityId && !memberOf.Contains(c.Id))
            .Where(c => EligibilityChecker.Check(c.Criteria, request.Answers, catalogue.ProfessionNames, site.NetworkRegion).All(r => r.Outcome == PrecheckOutcome.Met))
            .Take(MaxAlternatives + 1)
            .Select(c => (c.Name, c.Slug))
            .ToList();
        return new AlternativeCommunities(found.Take(MaxAlternatives).ToList(), found.Count > MaxAlternatives);
    }

    private async Task<JoinRequestStatus> ApproveCoreAsync(JoinRequest request, string staffUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        EnsureAwaitsDecision(request);
        var community = await CommunityOfAsync(request, cancellationToken);
        var applicant = await ApplicantOfAsync(request, cancellationToken);
        // Claims a place in the database (or finds the applicant already belongs); null when the community is full.
        var membership = await memberships.TryAddMemberAsync(community, applicant.Id, request.Id, cancellationToken);
        if (membership is null)
        {
            Decide(request, JoinRequestStatus.WaitingList, staffUserId);
            request.WaitlistedAt = clock.GetUtcNow();
            var position = await db.JoinRequests.CountAsync(r => r.CommunityId == community.Id && r.Status == JoinRequestStatus.WaitingList && r.Id != request.Id, cancellationToken)
                + db.JoinRequests.Local.Count(r => r.CommunityId == community.Id && r.Id != request.Id && r.Status == JoinRequestStatus.WaitingList
                    && db.Entry(r).Property(x => x.Status).OriginalValue != JoinRequestStatus.WaitingList)
                + 1;
            outbox.Enqueue(WaitingListEmail, applicant.Email!, applicant.DisplayName, $"You are on the waiting list for {community.Name}",
                $"""
                Dear {applicant.DisplayName},

                Your request to join {community.Name} has been approved, but the community is full at the moment, so we have put you on its waiting list. You are number {position} on the list.

                When a place becomes free it goes to the first person on the list, and we will email you. You do not need to do anything.

                You can see your place, or leave the waiting list, at {site.Url(PortalPaths.My)}

                {site.NetworkName} team
                """, topic: EmailTopic.JoinDecisions, userId: applicant.Id);
            return JoinRequestStatus.WaitingList;
        }

        Decide(request, JoinRequestStatus.Approved, staffUserId);
        // The approval email says they will be invited: every future meeting's invitation goes in the same commit.
        await meetingInvitations.InviteNewMemberAsync(community.Id, applicant.Id, cancellationToken);
        outbox.Enqueue(ApprovedEmail, applicant.Email!, applicant.DisplayName, $"Welcome to {community.Name}",
            $"""
            Dear {applicant.DisplayName},

            Your request to join {community.Name} has been approved. You are now a member.

            {NextSteps(community)}

            {site.NetworkName} team
            """, topic: EmailTopic.JoinDecisions, userId: applicant.Id);
        return JoinRequestStatus.Approved;
    }

    private async Task<int> OfferFreedPlacesCoreAsync(Community community, CancellationToken cancellationToken)
    {
        var offered = new List<int>();
        while (true)
        {
            var next = await db.JoinRequests.Include(r => r.Applicant)
                .Where(r => r.CommunityId == community.Id && r.Status == JoinRequestStatus.WaitingList && !offered.Contains(r.Id))
                .OrderBy(r => r.WaitlistedAt).ThenBy(r => r.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (next is null)
            {
                break;
            }
            var applicant = next.Applicant!;
            // The capacity is checked by the database as the place is taken: null means the community is full.
            if (await memberships.TryAddMemberAsync(community, applicant.Id, next.Id, cancellationToken) is null)
            {
                break;
            }
            offered.Add(next.Id);
            await meetingInvitations.InviteNewMemberAsync(community.Id, applicant.Id, cancellationToken);
            next.Status = JoinRequestStatus.Approved;
            next.ConcurrencyStamp = Guid.NewGuid();
            outbox.Enqueue(PlaceOfferedEmail, applicant.Email!, applicant.DisplayName, $"A place in {community.Name} is yours",
                $"""
                Dear {applicant.DisplayName},

                A place has become free in {community.Name}, and as you were first on the waiting list it is yours. You are now a member.

                {NextSteps(community)}

                {site.NetworkName} team
                """, topic: EmailTopic.JoinDecisions, userId: applicant.Id);
        }
        return offered.Count;
    }

    private string NextSteps(Community community) =>
        $"""
        What happens next
        - Read the community's Terms of Reference: {site.Url(PortalPaths.Terms(community.Slug))}
        - The community's page: {site.Url(PortalPaths.Community(community.Slug))}
        - The community's core team will invite you to its next meetings.
        - See all your communities at {site.Url(PortalPaths.My)}
        """;

    private void Decide(JoinRequest request, JoinRequestStatus status, string staffUserId)
    {
        request.Status = status;
        request.DecidedById = staffUserId;
        request.DecidedAt = clock.GetUtcNow();
        request.ConcurrencyStamp = Guid.NewGuid();
    }

    private static void EnsureAwaitsDecision(JoinRequest request)
    {
        if (!request.AwaitsDecision)
        {
            throw new JoinRequestException("This request has already been decided or withdrawn");
        }
    }

    private async Task<Community> CommunityOfAsync(JoinRequest request, CancellationToken cancellationToken) =>
        request.Community ??= await db.Communities.SingleAsync(c => c.Id == request.CommunityId, cancellationToken);

    private async Task<PortalUser> ApplicantOfAsync(JoinRequest request, CancellationToken cancellationToken) =>
        request.Applicant ??= await db.Users.SingleAsync(u => u.Id == request.ApplicantId, cancellationToken);
}
