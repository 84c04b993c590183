using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Messaging;
using CopPortal.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Actions;

/// <summary>Status changes with their history, actions added on the actions page, and the reminder before an action is due.</summary>
public sealed class ActionService(CopDbContext db, Outbox outbox, IPortalSite site, TimeProvider clock)
{
    /// <summary>How many days before its due date an owner is reminded.</summary>
    public const int RemindDaysBefore = 3;

    public async Task<CommunityAction> AddAsync(int communityId, string description, string? ownerUserId, string ownerName, DateOnly? dueOn, string userId, string userName, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var action = new CommunityAction
        {
            CommunityId = communityId,
            Description = description,
            OwnerUserId = ownerUserId,
            OwnerName = ownerName,
            DueOn = dueOn,
            CreatedAt = now,
            CreatedById = userId,
            UpdatedAt = now,
        };
        action.Updates.Add(new ActionUpdate { Status = ActionStatus.Open, Note = "Added on the actions page", ById = userId, ByName = userName, At = now });
        db.Actions.Add(action);
        await db.SaveChangesAsync(cancellationToken);
        return action;
    }

    /// <summary>
    /// Sets the status with a note, kept in the action's history. False when someone else changed the action since
    /// the person read it (<paramref name="seenStamp"/>): nothing is saved.
    /// </summary>
    public async Task<bool> UpdateStatusAsync(CommunityAction action, Guid seenStamp, ActionStatus status, string? note, string userId, string userName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        var now = clock.GetUtcNow();
        action.Status = status;
        action.UpdatedAt = now;
        action.ClosedAt = status == ActionStatus.Open ? null : now;
        action.Updates.Add(new ActionUpdate { Status = status, Note = note, ById = userId, ByName = userName, At = now });
        db.Entry(action).Property(a => a.ConcurrencyStamp).OriginalValue = seenStamp;
        action.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>
    /// Queues one reminder to each owner (a portal member) of an open action due within <see cref="RemindDaysBefore"/>
    /// days and not yet reminded, and marks it in the same save, so a rerun never sends a second.
    /// </summary>
    public async Task<int> QueueRemindersAsync(CancellationToken cancellationToken = default)
    {
        var today = LondonTime.Today(clock);
        var until = today.AddDays(RemindDaysBefore);
        var due = await db.Actions
            .Where(a => a.Status == ActionStatus.Open && a.ReminderSentAt == null && a.OwnerUserId != null
                && a.DueOn != null && a.DueOn >= today && a.DueOn <= until)
            .Select(a => new
            {
                Action = a,
                a.OwnerUser!.Email,
                a.OwnerUser.DisplayName,
                Community = db.Communities.Where(c => c.Id == a.CommunityId).Select(c => new { c.Name, c.Slug }).First(),
            })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var row in due)
        {
            row.Action.ReminderSentAt = now;
            if (string.IsNullOrEmpty(row.Email))
            {
                continue; // An anonymised account: nobody to remind.
            }
            outbox.Enqueue(
                "actions.reminder",
                row.Email,
                row.DisplayName,
                $"Action due {LondonTime.Date(row.Action.DueOn!.Value)}: {row.Community.Name}",
                $"""
                Dear {row.DisplayName},

                This is a reminder that an action you own in {row.Community.Name} is due on {LondonTime.Date(row.Action.DueOn!.Value)}:

                {row.Action.Description}

                When it is done (or no longer needed), please update it, with a short note, so the next meeting knows: {site.Url(PortalPaths.Action(row.Community.Slug, row.Action.Id))}
                """,
                topic: EmailTopic.Actions,
                userId: row.Action.OwnerUserId);
        }
        await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }
}
