using System.Globalization;
using System.Text.Json;
using CopPortal.Domain.Auditing;
using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using CopPortal.Domain.Messaging;
using CopPortal.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Privacy;

/// <summary>How long records that are no longer needed are kept (the "Retention" configuration section).</summary>
public sealed class RetentionOptions
{
    /// <summary>
    /// Declined join requests: a year covers a person asking again or querying the decision, and the CoP's next
    /// annual Terms of Reference review, which looks back at who was turned away and why.
    /// </summary>
    public int DeclinedJoinRequestsDays { get; set; } = 365;

    /// <summary>
    /// Copies of sent emails: three months is enough to answer "did you send me…?" and to look into delivery
    /// problems; what the emails said is held in the records they were about.
    /// </summary>
    public int SentMailDays { get; set; } = 90;

    /// <summary>Runs the daily purge in the background. Tests turn it off and run the purge with their own clock.</summary>
    public bool PurgeEnabled { get; set; } = true;
}

/// <summary>
/// Deletes declined join requests and sent mail older than their retention periods; the job scheduler runs it daily. The purge is
/// audited with counts only; audit rows about the deleted requests stay but lose the applicant's answers.
/// </summary>
public class RetentionPurge(CopDbContext db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<RetentionOptions> options)
{
    public const string Action = "retention.purge";
    public const string EntityType = "RetentionPolicy";

    public sealed record Result(int DeclinedJoinRequests, int SentMail);

    /// <summary>Deletes what is past its period now, in one transaction with its audit row.</summary>
    public async Task<Result> PurgeAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var declinedBefore = now - TimeSpan.FromDays(Math.Max(1, settings.DeclinedJoinRequestsDays));
        var sentBefore = now - TimeSpan.FromDays(Math.Max(1, settings.SentMailDays));

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var declined = db.JoinRequests.Where(r => r.Status == JoinRequestStatus.Declined
            && (r.DecidedAt != null ? r.DecidedAt < declinedBefore : r.SubmittedAt < declinedBefore));
        var declinedIds = await declined.Select(r => r.Id).ToListAsync(cancellationToken);
        if (declinedIds.Count > 0)
        {
            await AuditRedaction.RedactAsync(db, nameof(JoinRequest), declinedIds.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList(), AccountClosure.PersonalRequestValues, cancellationToken);
            foreach (var chunk in declinedIds.Chunk(500))
            {
                await db.JoinRequests.Where(r => chunk.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
            }
        }
        var sentMail = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Sent && m.SentAt != null && m.SentAt < sentBefore)
            .ExecuteDeleteAsync(cancellationToken);

        if (declinedIds.Count > 0 || sentMail > 0)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                OccurredAt = now,
                UserName = "system",
                Action = Action,
                EntityType = EntityType,
                Changes = JsonSerializer.Serialize(new Dictionary<string, int>
                {
                    ["DeclinedJoinRequestsDeleted"] = declinedIds.Count,
                    ["SentEmailsDeleted"] = sentMail,
                }),
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Result(declinedIds.Count, sentMail);
    }
}
