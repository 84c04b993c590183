using System.Text;
using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Messaging;

/// <summary>
/// The daily summary: every email held for a person (OutboxStatus.Held, because they chose "in one daily summary"
/// for its topic) combined into one email with a section per topic. Run each morning by the job scheduler.
/// </summary>
public class NotificationDigest(CopDbContext db, Outbox outbox, IPortalSite site, TimeProvider clock)
{
    public const string EmailKind = "notifications.digest";

    /// <summary>A held email's body is cut to about this many characters in the summary (whole paragraphs).</summary>
    public const int BodyLimit = 600;

    /// <summary>Queues one summary per person with held emails. Returns how many summaries were queued.</summary>
    public async Task<int> QueueAsync(CancellationToken cancellationToken = default)
    {
        var people = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Held && m.UserId != null)
            .Select(m => m.UserId!)
            .Distinct()
            .ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var userId in people)
        {
            if (await QueueForAsync(userId, cancellationToken))
            {
                queued++;
            }
        }
        return queued;
    }

    /// <summary>
    /// One person's summary, in its own transaction: the held emails are taken with a conditional update (held →
    /// digested), so if two instances ever ran at once, only the one that took them queues a summary.
    /// </summary>
    private async Task<bool> QueueForAsync(string userId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var held = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Held && m.UserId == userId)
            .OrderBy(m => m.CreatedAt)
            .ToListAsync(cancellationToken);
        var ids = held.Select(m => m.Id).ToList();
        var taken = await db.OutboxMessages
            .Where(m => ids.Contains(m.Id) && m.Status == OutboxStatus.Held)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Digested), cancellationToken);
        if (held.Count == 0 || taken != held.Count)
        {
            // Another run took some of them first: leave them all to it.
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        var person = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.DisplayName })
            .FirstOrDefaultAsync(cancellationToken);
        // The held emails' own address is the fallback: it was the person's address when they were queued.
        var latest = held[^1];
        var address = string.IsNullOrWhiteSpace(person?.Email) ? latest.ToAddress : person.Email;
        var name = person?.DisplayName ?? latest.ToName;
        var today = LondonTime.Today(clock);
        outbox.Enqueue(EmailKind, address, name,
            $"Your daily summary: {held.Count} {(held.Count == 1 ? "update" : "updates")} from {site.NetworkName} communities of practice",
            Body(name, held, today), userId: userId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private string Body(string? name, List<OutboxMessage> held, DateOnly today)
    {
        var body = new StringBuilder();
        body.Append(string.IsNullOrWhiteSpace(name) ? "Hello," : $"Dear {name},").Append("\n\n");
        body.Append($"Here is your summary for {LondonTime.Date(today)}: the emails you chose to get once a day, by topic.\n\n");
        foreach (var topic in held.GroupBy(m => m.Topic).OrderBy(g => g.Key is { } t ? EmailTopics.All.ToList().IndexOf(t) : int.MaxValue))
        {
            body.Append("## ").Append(topic.Key is { } t ? EmailTopics.Heading(t) : "Other updates").Append("\n\n");
            foreach (var message in topic)
            {
                body.Append(message.Subject).Append(" (").Append(LondonTime.DateTime(message.CreatedAt)).Append(")\n\n");
                body.Append(Summary(message.TextBody)).Append("\n\n");
            }
        }
        body.Append($"To change which emails you get, and how often, go to {site.Url(PortalPaths.MyNotifications)}\n");
        return body.ToString();
    }

    /// <summary>The body without its greeting, cut after the paragraph that passes <see cref="BodyLimit"/>.</summary>
    internal static string Summary(string text)
    {
        var paragraphs = text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();
        // "Dear Jo," would read oddly in the middle of a summary.
        if (paragraphs.Count > 1 && paragraphs[0].Length < 80 && paragraphs[0].EndsWith(',') && !paragraphs[0].Contains('\n', StringComparison.Ordinal))
        {
            paragraphs.RemoveAt(0);
        }
        var kept = new StringBuilder();
        foreach (var paragraph in paragraphs)
        {
            if (kept.Length > 0 && kept.Length + paragraph.Length > BodyLimit)
            {
                kept.Append('…');
                break;
            }
            kept.Append(paragraph).Append("\n\n");
        }
        var result = kept.ToString().TrimEnd();
        // One very long paragraph is cut at a word.
        if (result.Length > BodyLimit * 2)
        {
            var cut = result.LastIndexOf(' ', BodyLimit);
            result = result[..(cut > 0 ? cut : BodyLimit)] + " …";
        }
        return result;
    }
}
