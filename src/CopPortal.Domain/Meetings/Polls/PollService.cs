using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Messaging;
using CopPortal.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Meetings.Polls;

/// <summary>What the core team proposes: the meeting's details and its 2–10 options (times in UTC).</summary>
public sealed record PollDraft(string Title, string? Description, MeetingMode Mode, string? JoinUrl, string? Venue, DateOnly ClosesOn, IReadOnlyList<(DateTimeOffset StartsAt, DateTimeOffset EndsAt)> Options);

/// <summary>One option's totals, for the results table.</summary>
public sealed record PollOptionResult(PollOption Option, int Yes, int IfNeedBe, int No)
{
    /// <summary>Yes counts 2 and "if need be" 1; ties go to the option fewer people cannot make.</summary>
    public int Score => (2 * Yes) + IfNeedBe;
}

public enum PollAnswerResult
{
    Saved = 0,
    Closed = 1,
}

/// <summary>Finding a date: proposing options, answering them, ranking them, and turning the pick into a meeting.</summary>
public class PollService(CopDbContext db, Outbox outbox, TimeProvider clock, IPortalSite site, NotificationPreferences preferences, MeetingScheduler scheduler)
{
    public const string OpenedKind = "meeting.poll-opened";
    public const string CompleteKind = "meeting.poll-complete";

    /// <summary>The end of the closing day in Europe/London, as an instant.</summary>
    public static DateTimeOffset EndOfDay(DateOnly day)
    {
        var local = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, LondonTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>Creates the poll and emails every member of the CoP that it is open. Saves.</summary>
    public async Task<Poll> CreateAsync(Community community, PollDraft draft, string createdById, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(draft);
        var now = clock.GetUtcNow();
        var poll = new Poll
        {
            CommunityId = community.Id,
            Title = draft.Title.Trim(),
            Description = string.IsNullOrWhiteSpace(draft.Description) ? null : draft.Description.Trim(),
            Mode = draft.Mode,
            JoinUrl = string.IsNullOrWhiteSpace(draft.JoinUrl) ? null : draft.JoinUrl.Trim(),
            Venue = string.IsNullOrWhiteSpace(draft.Venue) ? null : draft.Venue.Trim(),
            ClosesAt = EndOfDay(draft.ClosesOn),
            CreatedById = createdById,
            CreatedAt = now,
            Options = draft.Options.OrderBy(o => o.StartsAt).Select(o => new PollOption { StartsAt = o.StartsAt, EndsAt = o.EndsAt }).ToList(),
        };
        db.MeetingPolls.Add(poll);
        await db.SaveChangesAsync(cancellationToken);

        // The emails go in a second save, after the poll has its id for the link; both are in the caller's request.
        var members = await db.Memberships.AsNoTracking()
            .Where(m => m.CommunityId == community.Id && m.User!.ClosedAt == null && m.User.Email != null)
            .Select(m => new { m.UserId, m.User!.Email, m.User.DisplayName })
            .ToListAsync(cancellationToken);
        var choices = await preferences.DeliveriesAsync(members.Select(m => m.UserId).ToList(), EmailTopic.MeetingInvitations, cancellationToken);
        var link = site.Url(PortalPaths.MeetingPoll(community.Slug, poll.Id));
        foreach (var member in members.Where(m => choices[m.UserId] != EmailDelivery.Off))
        {
            outbox.Enqueue(OpenedKind, member.Email!, member.DisplayName, $"Help find a date: {poll.Title} ({community.Name})",
                $"""
                Dear {member.DisplayName},

                {community.Name} is finding a date for "{poll.Title}". Please say which of the {poll.Options.Count} proposed times you can make by {LondonTime.Date(draft.ClosesOn)}:
                {link}
                """, topic: EmailTopic.MeetingInvitations, userId: member.UserId);
        }
        await db.SaveChangesAsync(cancellationToken);
        return poll;
    }

    /// <summary>Saves one person's answers (one row per option, changed in place). Refused once the poll is closed or decided.</summary>
    public async Task<PollAnswerResult> AnswerAsync(Poll poll, string userId, IReadOnlyDictionary<int, PollChoice> choices, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(poll);
        ArgumentNullException.ThrowIfNull(choices);
        var now = clock.GetUtcNow();
        if (!poll.IsOpenAt(now))
        {
            return PollAnswerResult.Closed;
        }
        var optionIds = poll.Options.Select(o => o.Id).ToList();
        var existing = await db.MeetingPollAnswers
            .Where(a => a.UserId == userId && optionIds.Contains(a.PollOptionId))
            .ToDictionaryAsync(a => a.PollOptionId, cancellationToken);
        foreach (var (optionId, choice) in choices.Where(c => optionIds.Contains(c.Key)))
        {
            if (existing.TryGetValue(optionId, out var answer))
            {
                if (answer.Choice != choice)
                {
                    answer.Choice = choice;
                    answer.AnsweredAt = now;
                }
            }
            else
            {
                db.MeetingPollAnswers.Add(new PollAnswer { PollOptionId = optionId, UserId = userId, Choice = choice, AnsweredAt = now });
            }
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (db.ChangeTracker.Entries<PollAnswer>().Any(e => e.State == EntityState.Added))
        {
            // The same person's other request (a double click) saved answers first: the unique index kept one per
            // option. Answer again over those rows instead of failing.
            db.ChangeTracker.Clear();
            return await AnswerAsync(poll, userId, choices, cancellationToken);
        }
        return PollAnswerResult.Saved;
    }

    /// <summary>The options best first: highest score, then fewest "no", then earliest.</summary>
    public async Task<List<PollOptionResult>> ResultsAsync(Poll poll, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(poll);
        var counts = await db.MeetingPollAnswers.AsNoTracking()
            .Where(a => a.Option!.PollId == poll.Id)
            .GroupBy(a => new { a.PollOptionId, a.Choice })
            .Select(g => new { g.Key.PollOptionId, g.Key.Choice, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return Tally(poll, counts.Select(c => (c.PollOptionId, c.Choice, c.Count)));
    }

    /// <summary>The poll's options ranked, from the number of answers per option and choice (read by the caller).</summary>
    public static List<PollOptionResult> Tally(Poll poll, IEnumerable<(int PollOptionId, PollChoice Choice, int Count)> counts)
    {
        ArgumentNullException.ThrowIfNull(poll);
        var list = counts.ToList();
        int Count(int optionId, PollChoice choice) => list.Where(c => c.PollOptionId == optionId && c.Choice == choice).Sum(c => c.Count);
        return Rank(poll.Options.Select(o => new PollOptionResult(o, Count(o.Id, PollChoice.Yes), Count(o.Id, PollChoice.IfNeedBe), Count(o.Id, PollChoice.No))));
    }

    public static List<PollOptionResult> Rank(IEnumerable<PollOptionResult> results) =>
        results.OrderByDescending(r => r.Score).ThenBy(r => r.No).ThenBy(r => r.Option.StartsAt).ToList();

    /// <summary>
    /// Turns the picked option into a scheduled meeting of the CoP and closes the poll, through
    /// <see cref="MeetingScheduler"/> like any other meeting (so its invitations are queued the same way), in one
    /// transaction. Saves. Returns null when the poll was already decided (a second pick changes nothing).
    /// </summary>
    public Task<Meeting?> PickAsync(Poll poll, int optionId, string pickedById, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(poll);
        if (poll.MeetingId is not null)
        {
            return Task.FromResult<Meeting?>(null);
        }
        var option = poll.Options.Single(o => o.Id == optionId);
        var details = new MeetingDetails(poll.Title, MeetingSessionType.Regular, poll.Mode, poll.JoinUrl, poll.Venue,
            AccessNotes: null, Presenters: null, ContentWarning: null, TopicSeries: null, poll.Description);
        return db.InTransactionAsync<Meeting?>(async () =>
        {
            var meeting = await scheduler.ScheduleAsync(poll.CommunityId, details, option.StartsAt, option.EndsAt, pickedById, cancellationToken);
            var now = clock.GetUtcNow();
            poll.MeetingId = meeting.Id;
            poll.ChosenOptionId = option.Id;
            poll.DecidedAt = now;
            // Nobody needs telling that a poll they have just decided is complete.
            poll.CreatorNotifiedAt ??= now;
            await db.SaveChangesAsync(cancellationToken);
            return meeting;
        }, cancellationToken);
    }

    /// <summary>
    /// Tells each open poll's creator, once, when every member has answered or the poll has closed. Run by a
    /// scheduled job; returns how many were told. Saves.
    /// </summary>
    public async Task<int> QueueCompletionNoticesAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var polls = await db.MeetingPolls
            .Include(p => p.Community)
            .Where(p => p.CreatorNotifiedAt == null && p.MeetingId == null && p.CreatedById != null)
            .ToListAsync(cancellationToken);
        var told = 0;
        foreach (var poll in polls)
        {
            var closed = poll.ClosesAt <= now;
            if (!closed)
            {
                var members = await db.Memberships.CountAsync(m => m.CommunityId == poll.CommunityId, cancellationToken);
                var answered = await db.MeetingPollAnswers
                    .Where(a => a.Option!.PollId == poll.Id && db.Memberships.Any(m => m.CommunityId == poll.CommunityId && m.UserId == a.UserId))
                    .Select(a => a.UserId).Distinct().CountAsync(cancellationToken);
                if (members == 0 || answered < members)
                {
                    continue;
                }
            }
            var creator = await db.Users.AsNoTracking().Where(u => u.Id == poll.CreatedById && u.ClosedAt == null)
                .Select(u => new { u.Email, u.DisplayName }).FirstOrDefaultAsync(cancellationToken);
            if (creator?.Email is not null)
            {
                var why = closed ? "has closed" : "has been answered by every member";
                outbox.Enqueue(CompleteKind, creator.Email, creator.DisplayName, $"Poll {(closed ? "closed" : "complete")}: {poll.Title} ({poll.Community!.Name})",
                    $"""
                    Dear {creator.DisplayName},

                    The poll to find a date for "{poll.Title}" {why}. See the results and pick a date:
                    {site.Url(PortalPaths.MeetingPoll(poll.Community.Slug, poll.Id))}
                    """, topic: EmailTopic.MeetingInvitations, userId: poll.CreatedById);
            }
            poll.CreatorNotifiedAt = now;
            told++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return told;
    }
}
