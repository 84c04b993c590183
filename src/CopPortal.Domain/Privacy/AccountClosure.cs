using System.Text.Json;
using CopPortal.Domain.Auditing;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using CopPortal.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Privacy;

/// <summary>A rule stopped the closure; the message is plain English and safe to show.</summary>
public sealed class AccountClosureException(string message) : Exception(message);

public enum ClosureOutcome
{
    Closed,

    /// <summary>Someone (or a repeated submit) closed it first; nothing more to do.</summary>
    AlreadyClosed,
}

/// <summary>
/// Closes an account (UK GDPR erasure): the person's name, email, profile and password go, their memberships
/// end, their open requests are withdrawn and mail to them is cancelled. The account row stays, renamed
/// "Former member", so ToR versions, decisions and proposals keep an author that identifies nobody; audit rows
/// stay too, with the person's name and recorded personal values replaced. The closure is audited with
/// who did it and counts, never the removed data. Everything happens in one transaction.
/// </summary>
public class AccountClosure(CopDbContext db, MembershipService memberships, JoinRequestService joining, TimeProvider clock, ICurrentActor actor)
{
    public const string FormerMemberName = "Former member";
    public const string Action = "account.close";
    public const string LastStaffMessage = "This is the only network staff account, so it cannot be closed. Give another person the network staff role first";

    // What the audit log recorded about the person that closing the account must remove.
    private static readonly HashSet<string> PersonalUserValues =
    [
        "DisplayName", "Email", "NormalizedEmail", "UserName", "NormalizedUserName", "PhoneNumber",
        "JobTitle", "Organisation", "Region", "ProfessionId", "CareerStage",
    ];

    internal static readonly HashSet<string> PersonalRequestValues =
    [
        "Answers", "PrecheckResults", "InformationResponse",
    ];

    private static readonly HashSet<string> PersonalInvitationValues = ["Email", "Note"];

    /// <summary>The address a closed account keeps: unique, undeliverable (.invalid is reserved) and not the person's.</summary>
    public static string PlaceholderEmail(string userId) => $"closed-{userId}@closed.invalid";

    /// <summary>Closes the account. <paramref name="reason"/> is the staff reason (null when the person closes it themselves).</summary>
    public async Task<ClosureOutcome> CloseAsync(string userId, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken)
            ?? throw new AccountClosureException("There is no such account");
        if (user.ClosedAt is not null)
        {
            return ClosureOutcome.AlreadyClosed;
        }
        await EnsureNotLastStaffAsync(userId, cancellationToken);

        var now = clock.GetUtcNow();
        var email = user.Email;
        var byThemselves = actor.UserId == userId;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Claim the closure first: a second submit or a second member of staff finds ClosedAt set and stops here,
        // and the personal data in this row is gone in the same statement.
        var placeholder = PlaceholderEmail(userId);
        var claimed = await db.Users
            .Where(u => u.Id == userId && u.ClosedAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(u => u.ClosedAt, now)
                .SetProperty(u => u.DisplayName, FormerMemberName)
                .SetProperty(u => u.Email, placeholder)
                .SetProperty(u => u.NormalizedEmail, placeholder.ToUpperInvariant())
                .SetProperty(u => u.UserName, placeholder)
                .SetProperty(u => u.NormalizedUserName, placeholder.ToUpperInvariant())
                .SetProperty(u => u.EmailConfirmed, false)
                .SetProperty(u => u.PasswordHash, (string?)null)
                .SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N"))
                .SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString())
                .SetProperty(u => u.PhoneNumber, (string?)null)
                .SetProperty(u => u.PhoneNumberConfirmed, false)
                .SetProperty(u => u.TwoFactorEnabled, false)
                .SetProperty(u => u.JobTitle, (string?)null)
                .SetProperty(u => u.Organisation, (string?)null)
                .SetProperty(u => u.Region, (string?)null)
                .SetProperty(u => u.ProfessionId, (int?)null)
                .SetProperty(u => u.CareerStage, (CareerStage?)null),
                cancellationToken);
        if (claimed == 0)
        {
            return ClosureOutcome.AlreadyClosed;
        }

        // Roles and Identity's side tables: a closed account can do nothing.
        await db.UserRoles.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserClaims.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserLogins.Where(l => l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);

        // Memberships end through the membership service so each community's member count stays right.
        var left = await db.Memberships.Where(m => m.UserId == userId).Select(m => m.Community!).ToListAsync(cancellationToken);
        foreach (var community in left)
        {
            await memberships.RemoveAsync(community, userId, cancellationToken);
        }
        var open = await db.JoinRequests
            .Where(r => r.ApplicantId == userId).Where(JoinRequest.OpenFilter)
            .ToListAsync(cancellationToken);
        foreach (var request in open)
        {
            request.Status = JoinRequestStatus.Withdrawn;
            request.ConcurrencyStamp = Guid.NewGuid();
        }
        var interests = await db.VacancyInterests.Where(i => i.UserId == userId).ToListAsync(cancellationToken);
        db.VacancyInterests.RemoveRange(interests);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var community in left)
        {
            // As when a member leaves: a freed place goes to the first on the waiting list.
            await joining.OfferFreedPlacesAsync(community, cancellationToken);
        }

        // The requests stay (with their status and decision) for the network's records; what the person wrote goes.
        var requestIds = await db.JoinRequests.Where(r => r.ApplicantId == userId).Select(r => r.Id).ToListAsync(cancellationToken);
        await db.JoinRequests.Where(r => r.ApplicantId == userId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Answers, new ApplicationAnswers())
                .SetProperty(r => r.PrecheckResults, new List<CriterionResult>())
                .SetProperty(r => r.InformationResponse, (string?)null),
                cancellationToken);
        var invitationIds = await db.Invitations.Where(i => i.UsedByUserId == userId).Select(i => i.Id).ToListAsync(cancellationToken);
        await db.Invitations.Where(i => i.UsedByUserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Email, placeholder).SetProperty(i => i.Note, (string?)null), cancellationToken);

        // Mail to the person: pending mail is cancelled, and copies of mail already sent hold their name and address.
        var mailRemoved = 0;
        if (!string.IsNullOrEmpty(email))
        {
            var lower = email.ToLowerInvariant();
            mailRemoved = await db.OutboxMessages.Where(m => m.ToAddress.ToLower() == lower).ExecuteDeleteAsync(cancellationToken);
        }

        // The audit log keeps every row; the person's name as "who" and their recorded personal values go.
        await db.AuditEntries.Where(a => a.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.UserName, FormerMemberName), cancellationToken);
        await AuditRedaction.RedactAsync(db, nameof(PortalUser), [userId], PersonalUserValues, cancellationToken);
        await AuditRedaction.RedactAsync(db, nameof(JoinRequest), requestIds.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(), PersonalRequestValues, cancellationToken);
        await AuditRedaction.RedactAsync(db, nameof(Invitation), invitationIds.Select(id => id.ToString()).ToList(), PersonalInvitationValues, cancellationToken);

        var details = new Dictionary<string, object?>
        {
            ["ClosedBy"] = byThemselves ? "the account holder" : "network staff",
            ["MembershipsEnded"] = left.Count,
            ["RequestsWithdrawn"] = open.Count,
            ["EmailsRemoved"] = mailRemoved,
        };
        if (!string.IsNullOrWhiteSpace(reason))
        {
            details["Reason"] = reason.Trim();
        }
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = now,
            UserId = actor.UserId,
            UserName = byThemselves ? FormerMemberName : actor.UserName,
            Action = Action,
            EntityType = nameof(PortalUser),
            EntityId = userId,
            Changes = JsonSerializer.Serialize(details),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ClosureOutcome.Closed;
    }

    /// <summary>Closing the only network staff account would leave nobody able to run the portal.</summary>
    public async Task EnsureNotLastStaffAsync(string userId, CancellationToken cancellationToken = default)
    {
        var staffIds = await (from userRole in db.UserRoles
                              join role in db.Roles on userRole.RoleId equals role.Id
                              where role.Name == NetworkRoles.NetworkStaff
                              select userRole.UserId).ToListAsync(cancellationToken);
        if (staffIds.Contains(userId) && staffIds.Count == 1)
        {
            throw new AccountClosureException(LastStaffMessage);
        }
    }
}
