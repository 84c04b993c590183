using CopPortal.Domain.Links;
using System.Text;
using CopPortal.Domain.Data;
using CopPortal.Domain.Messaging;
using CopPortal.Domain.People;
using CopPortal.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Joining;

/// <summary>
/// The Monday-morning email to network staff: requests waiting per CoP and the oldest waiting.
/// Queued once per Monday (Europe/London) at or after 07:00 by the job scheduler.
/// </summary>
public class JoinRequestDigest(CopDbContext db, TimeProvider clock, Outbox outbox, IPortalSite site)
{
    public const string EmailKind = "join-request.digest";

    /// <summary>
    /// Queues this week's digest to every member of staff, in one commit. Returns the number of emails queued.
    /// The job scheduler runs it once per Monday (Europe/London) from 07:00 (JoinRequestDigestJob).
    /// </summary>
    public async Task<int> QueueAsync(CancellationToken cancellationToken = default)
    {
        var today = LondonTime.Today(clock);
        var perCommunity = await db.JoinRequests.AsNoTracking()
            .Where(r => r.Status == JoinRequestStatus.Pending || r.Status == JoinRequestStatus.InformationRequested)
            .GroupBy(r => new { r.CommunityId, r.Community!.Name })
            .Select(g => new
            {
                g.Key.Name,
                Pending = g.Count(r => r.Status == JoinRequestStatus.Pending),
                Information = g.Count(r => r.Status == JoinRequestStatus.InformationRequested),
            })
            .OrderBy(g => g.Name)
            .ToListAsync(cancellationToken);
        var oldest = await db.JoinRequests.AsNoTracking()
            .Where(r => r.Status == JoinRequestStatus.Pending)
            .OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.SubmittedAt, Applicant = r.Applicant!.DisplayName, Community = r.Community!.Name })
            .FirstOrDefaultAsync(cancellationToken);
        var staff = await StaffRecipients.ListAsync(db, cancellationToken);

        var body = new StringBuilder();
        var total = perCommunity.Sum(c => c.Pending);
        body.AppendLine(total == 0
            ? "No join requests are waiting for a decision this week."
            : $"{total} join {(total == 1 ? "request is" : "requests are")} waiting for a decision.");
        body.AppendLine();
        foreach (var community in perCommunity)
        {
            var waitingInfo = community.Information == 0 ? "" : $", {community.Information} waiting for the applicant to send more information";
            body.AppendLine($"- {community.Name}: {community.Pending} waiting for a decision{waitingInfo}");
        }
        if (oldest is not null)
        {
            var days = (int)(clock.GetUtcNow() - oldest.SubmittedAt).TotalDays;
            body.AppendLine();
            body.AppendLine($"The oldest is from {oldest.Applicant} to join {oldest.Community}, sent on {LondonTime.Date(oldest.SubmittedAt)} ({days} {(days == 1 ? "day" : "days")} ago): {site.Url(PortalPaths.JoinRequestReview(oldest.Id))}");
        }
        body.AppendLine();
        body.AppendLine($"Process the requests at {site.Url(PortalPaths.StaffJoinRequests)}");

        foreach (var person in staff)
        {
            outbox.Enqueue(EmailKind, person.Email, person.Name, $"Join requests for the week beginning {LondonTime.Date(today)}",
                $"Dear {person.Name},\n\n{body}\n{site.NetworkName} communities of practice");
        }
        await db.SaveChangesAsync(cancellationToken);
        return staff.Count;
    }
}
