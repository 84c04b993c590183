using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Messaging;
using CopPortal.Domain.People;
using CopPortal.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Communities;

/// <summary>
/// The annual ToR review: 30 days before a current version's review date (or as soon as we notice it is
/// overdue), its chairs and co-chairs get one reminder email — or the network team, if there is no chair.
/// </summary>
public class TermsReviewReminders(CopDbContext db, Outbox outbox, TimeProvider clock, IPortalSite site)
{
    public const int DaysBefore = 30;

    /// <summary>Queues the reminders that are due and marks them sent. Returns how many ToRs were reminded.</summary>
    public async Task<int> QueueDueAsync(CancellationToken cancellationToken = default)
    {
        var horizon = LondonTime.Today(clock).AddDays(DaysBefore);
        var due = await db.TermsVersions.Current()
            .Where(t => t.ReviewReminderSentAt == null
                && t.ReviewDueOn <= horizon
                && t.Community!.Status != CommunityStatus.Archived)
            .Include(t => t.Community)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var communityIds = due.Select(t => t.CommunityId).ToList();
        var chairs = await db.Memberships
            .Where(m => communityIds.Contains(m.CommunityId) && (m.Role == CommunityRole.Chair || m.Role == CommunityRole.CoChair) && m.User!.Email != null)
            .Select(m => new { m.CommunityId, m.User!.Email, m.User.DisplayName })
            .ToListAsync(cancellationToken);
        List<(string Email, string Name)>? staff = null;

        foreach (var version in due)
        {
            var community = version.Community!;
            var recipients = chairs.Where(c => c.CommunityId == community.Id).Select(c => (Email: c.Email!, Name: c.DisplayName)).ToList();
            var toStaff = recipients.Count == 0;
            if (toStaff)
            {
                staff ??= await StaffRecipients.ListAsync(db, cancellationToken);
                recipients = staff;
            }
            foreach (var (email, name) in recipients)
            {
                var greeting = toStaff
                    ? $"{community.Name} has no chair, so this reminder has come to the network team."
                    : $"Dear {name},";
                outbox.Enqueue(
                    "terms.review-reminder",
                    email,
                    name,
                    $"Terms of Reference review due: {community.Name}",
                    $"""
                    {greeting}

                    The Terms of Reference for {community.Name} are due for their annual review by {LondonTime.Date(version.ReviewDueOn)}.

                    Please read them with your core team and either confirm they are still right or change them. Saving the Terms of Reference, even with no other change, records the review and sets the next review date.

                    Terms of Reference: {site.Url(PortalPaths.Terms(community.Slug))}
                    Edit them: {site.Url(PortalPaths.TermsEdit(community.Slug))}
                    """);
            }
            version.ReviewReminderSentAt = clock.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }
}
