using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Messaging;
using CopPortal.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Forum;

/// <summary>A row of the thread list, alike for every reader: whether it is unread is worked out per reader from <see cref="LastPostId"/>.</summary>
public sealed record ThreadRow(int Id, string Title, string AuthorName, DateTimeOffset CreatedAt, bool IsPinned, bool IsLocked, int PostCount, DateTimeOffset LastPostAt, int LastPostId);

public sealed record PostView(int Id, string AuthorId, string AuthorName, string? JobTitle, string? Organisation, bool AuthorClosed, string Body, DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt, bool EditedByModerator, string? EditReason, bool IsRemoved, string? RemovedReason, bool HasFiles);

/// <summary>How far a reader has read a thread.</summary>
public sealed record ThreadReadMark(int ThreadId, int LastReadPostId);

/// <summary>What the forum's list page shows about its reader, read in one round trip: whether they watch the forum,
/// the open reports (moderators only) and how far they have read each listed thread.</summary>
public sealed record ForumReader(bool Watching, int OpenReports, List<ThreadReadMark> ReadMarks);

/// <summary>What a thread page needs about its reader, read in one round trip.</summary>
public sealed record ThreadReader(bool Watching, int? LastReadPostId, bool AcceptedGroundRules);

/// <summary>A page of search hits and how many posts match, counted up to <see cref="ForumService.MaxCountedMatches"/>.</summary>
public sealed record SearchPage(int Total, bool MoreThanCounted, List<SearchHit> Hits);

/// <summary>A file already in the file store, to attach to a new post.</summary>
public sealed record ForumAttachmentFile(string StoredName, string FileName, string ContentType, long Length);

public sealed record AttachmentView(int Id, int PostId, string FileName, string ContentType, long Length);

public sealed record SearchHit(int PostId, int ThreadId, string ThreadTitle, string AuthorName, DateTimeOffset CreatedAt, string Body);

/// <summary>
/// The forum's rules in one place: posting (with its duplicate check, counters and search terms), editing, removal,
/// reports, watching and reply emails. Callers save nothing themselves: each method commits its own unit of work,
/// so a post, its thread's counters and its search terms are saved together or not at all.
/// </summary>
public sealed class ForumService(CopDbContext db, Outbox outbox, IPortalSite site, TimeProvider clock, ForumOptions options)
{
    public const int ThreadsPerPage = 25;
    public const int PostsPerPage = 20;
    public const int SearchResultsPerPage = 20;
    public const int MaxSearchWords = 8;

    /// <summary>Search counts matches up to this many: beyond it, "more than" and a nudge to narrow the search (counting thousands costs every search).</summary>
    public const int MaxCountedMatches = 1000;

    /// <summary>How many threads a CoP's forum has.</summary>
    public async Task<int> ThreadCountAsync(int communityId, CancellationToken cancellationToken = default) =>
        await s_threadCount.For(db)(db, communityId, cancellationToken);

    private static readonly CompiledQuery<Func<CopDbContext, int, CancellationToken, Task<int>>> s_threadCount = new(() =>
        EF.CompileAsyncQuery((CopDbContext db, int communityId, CancellationToken _) => db.ForumThreads.Count(t => t.CommunityId == communityId)));

    /// <summary>One page of a CoP's threads, pinned first, then by latest activity.</summary>
    public async Task<List<ThreadRow>> ThreadsAsync(int communityId, int skip, CancellationToken cancellationToken = default)
    {
        return await s_threads.For(db)(db, communityId, skip).ToListAsync(cancellationToken);
    }

    private static readonly CompiledQuery<Func<CopDbContext, int, int, IAsyncEnumerable<ThreadRow>>> s_threads = new(() =>
        EF.CompileAsyncQuery((CopDbContext db, int communityId, int skip) => db.ForumThreads.AsNoTracking()
            .Where(t => t.CommunityId == communityId)
            .OrderByDescending(t => t.IsPinned).ThenByDescending(t => t.LastPostAt).ThenByDescending(t => t.Id)
            .Skip(skip).Take(ThreadsPerPage)
            .Select(t => new ThreadRow(t.Id, t.Title, t.Author!.DisplayName, t.CreatedAt, t.IsPinned, t.IsLocked, t.PostCount, t.LastPostAt, t.LastPostId))));

    /// <summary>
    /// The list page's reader: whether <paramref name="userId"/> watches the forum and the open reports (moderators
    /// only), and, for a page of the list (<paramref name="listSkip"/>), their read marks of that page's threads.
    /// Both are compiled queries: building the one query they replace (a read mark per row beside the forum's
    /// figures, with the page's ids as an array parameter) cost more than running it.
    /// </summary>
    public async Task<ForumReader> ForumReaderAsync(int communityId, string userId, bool isModerator, int? listSkip, CancellationToken cancellationToken = default)
    {
        var head = await s_forumHead.For(db)(db, communityId, userId, isModerator, cancellationToken);
        var marks = listSkip is { } skip ? await s_pageReadMarks.For(db)(db, communityId, userId, skip).ToListAsync(cancellationToken) : [];
        return new ForumReader(head.Watching, head.OpenReports, marks);
    }

    private sealed record ForumHead(bool Watching, int OpenReports);

    private static readonly CompiledQuery<Func<CopDbContext, int, string, bool, CancellationToken, Task<ForumHead>>> s_forumHead = new(() =>
        EF.CompileAsyncQuery((CopDbContext db, int communityId, string userId, bool isModerator, CancellationToken _) => db.Communities
            .Where(c => c.Id == communityId)
            .Select(c => new ForumHead(
                db.ForumWatches.Any(w => w.CommunityId == c.Id && w.UserId == userId),
                isModerator ? db.ForumReports.Count(r => r.CommunityId == c.Id && r.ResolvedAt == null) : 0))
            .First()));

    // The page's threads are picked exactly as the list picks them (s_threads: order, skip and take), then joined
    // to the reader's marks, so no list of ids is sent.
    private static readonly CompiledQuery<Func<CopDbContext, int, string, int, IAsyncEnumerable<ThreadReadMark>>> s_pageReadMarks = new(() =>
        EF.CompileAsyncQuery((CopDbContext db, int communityId, string userId, int skip) => db.ForumThreads
            .Where(t => t.CommunityId == communityId)
            .OrderByDescending(t => t.IsPinned).ThenByDescending(t => t.LastPostAt).ThenByDescending(t => t.Id)
            .Skip(skip).Take(ThreadsPerPage)
            .Join(db.ForumReadMarks.Where(m => m.UserId == userId), t => t.Id, m => m.ThreadId, (t, m) => new ThreadReadMark(m.ThreadId, m.LastReadPostId))));

    /// <summary>A thread of the CoP (null if it is another CoP's).</summary>
    public async Task<ForumThread?> ThreadAsync(int communityId, int threadId, CancellationToken cancellationToken = default) =>
        await s_thread.For(db)(db, communityId, threadId, cancellationToken);

    private static readonly CompiledQuery<Func<CopDbContext, int, int, CancellationToken, Task<ForumThread?>>> s_thread = new(() =>
        EF.CompileAsyncQuery((CopDbContext db, int communityId, int threadId, CancellationToken _) => db.ForumThreads.AsNoTracking()
            .FirstOrDefault(t => t.Id == threadId && t.CommunityId == communityId)));

    /// <summary>Whether <paramref name="userId"/> watches a thread, how far they have read it and whether they have accepted the ground rules, in one query.</summary>
    public async Task<ThreadReader> ThreadReaderAsync(int threadId, string userId, CancellationToken cancellationToken = default) =>
        await s_threadReader.For(db)(db, threadId, userId, cancellationToken);

    private static readonly CompiledQuery<Func<CopDbContext, int, string, CancellationToken, Task<ThreadReader>>> s_threadReader = new(() =>
        EF.CompileAsyncQuery((CopDbContext db, int threadId, string userId, CancellationToken _) => db.ForumThreads
            .Where(t => t.Id == threadId)
            .Select(t => new ThreadReader(
                db.ForumThreadWatches.Any(w => w.ThreadId == t.Id && w.UserId == userId),
                db.ForumReadMarks.Where(m => m.UserId == userId && m.ThreadId == t.Id).Select(m => (int?)m.LastReadPostId).FirstOrDefault(),
                db.GroundRulesAcceptances.Any(a => a.UserId == userId)))
            .First()));

    /// <summary>One page of a thread's posts with their authors, and whether each has files, in one query.</summary>
    public async Task<List<PostView>> PostsAsync(int threadId, int skip, CancellationToken cancellationToken = default)
    {
        return await s_posts.For(db)(db, threadId, skip).ToListAsync(cancellationToken);
    }

    private static readonly CompiledQuery<Func<CopDbContext, int, int, IAsyncEnumerable<PostView>>> s_posts = new(() =>
        EF.CompileAsyncQuery((CopDbContext db, int threadId, int skip) => db.ForumPosts.AsNoTracking()
            .Where(p => p.ThreadId == threadId)
            .OrderBy(p => p.Id)
            .Skip(skip).Take(PostsPerPage)
            .Select(p => new PostView(p.Id, p.AuthorId, p.Author!.DisplayName, p.Author.JobTitle, p.Author.Organisation, p.Author.ClosedAt != null,
                p.RemovedAt == null ? p.Body : "", p.CreatedAt, p.EditedAt, p.EditedByModerator, p.EditReason, p.RemovedAt != null, p.RemovedReason,
                db.ForumAttachments.Any(a => a.PostId == p.Id)))));

    /// <summary>The attachments of a page of posts, in one query (never one per post).</summary>
    public Task<List<AttachmentView>> AttachmentsAsync(IReadOnlyCollection<int> postIds, CancellationToken cancellationToken = default) =>
        db.ForumAttachments.AsNoTracking()
            .Where(a => postIds.Contains(a.PostId))
            .OrderBy(a => a.Id)
            .Select(a => new AttachmentView(a.Id, a.PostId, a.FileName, a.ContentType, a.Length))
            .ToListAsync(cancellationToken);

    /// <summary>Records that <paramref name="userId"/> has read a thread up to <paramref name="postId"/> (never backwards).</summary>
    public async Task MarkReadAsync(string userId, int threadId, int postId, CancellationToken cancellationToken = default)
    {
        var updated = await db.ForumReadMarks
            .Where(m => m.UserId == userId && m.ThreadId == threadId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastReadPostId, m => m.LastReadPostId < postId ? postId : m.LastReadPostId), cancellationToken);
        if (updated == 0)
        {
            db.ForumReadMarks.Add(new ForumReadMark { UserId = userId, ThreadId = threadId, LastReadPostId = postId });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same person's other tab wrote the mark first; theirs is as good.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Whether the person has used up their posts for the current window.</summary>
    public async Task<bool> OverRateLimitAsync(string userId, CancellationToken cancellationToken = default)
    {
        var since = clock.GetUtcNow().AddMinutes(-options.RateWindowMinutes);
        return await db.ForumPosts.CountAsync(p => p.AuthorId == userId && p.CreatedAt > since, cancellationToken) >= options.PostsPerWindow;
    }

    public string RateLimitMessage =>
        $"You have posted {options.PostsPerWindow} times in the last {options.RateWindowMinutes} minutes, which is the most allowed. Wait a few minutes, then post again. Your text is still in the box below.";

    public Task<bool> HasAcceptedGroundRulesAsync(string userId, CancellationToken cancellationToken = default) =>
        db.GroundRulesAcceptances.AnyAsync(a => a.UserId == userId, cancellationToken);

    /// <summary>The post an earlier send of the same form made, if any.</summary>
    public Task<ForumPost?> FindBySubmissionKeyAsync(Guid key, string userId, CancellationToken cancellationToken = default) =>
        db.ForumPosts.AsNoTracking().FirstOrDefaultAsync(p => p.SubmissionKey == key && p.AuthorId == userId, cancellationToken);

    /// <summary>Starts a thread with its first post; the author watches it. Returns the new post (its ThreadId is set).</summary>
    public async Task<ForumPost> StartThreadAsync(int communityId, string userId, string title, string body, Guid key, bool acceptsGroundRules,
        IReadOnlyList<ForumAttachmentFile>? attachments = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        return await db.InTransactionAsync(async () =>
        {
            AcceptGroundRules(userId, acceptsGroundRules, now);
            var thread = new ForumThread { CommunityId = communityId, Title = title, AuthorId = userId, CreatedAt = now, LastPostAt = now, PostCount = 1 };
            db.ForumThreads.Add(thread);
            await db.SaveChangesAsync(cancellationToken);
            var post = new ForumPost { ThreadId = thread.Id, CommunityId = communityId, AuthorId = userId, Body = body, CreatedAt = now, SubmissionKey = key };
            db.ForumPosts.Add(post);
            db.ForumThreadWatches.Add(new ForumThreadWatch { ThreadId = thread.Id, UserId = userId });
            Attach(post, attachments, now);
            await db.SaveChangesAsync(cancellationToken);
            thread.LastPostId = post.Id;
            IndexPost(post, title);
            await db.SaveChangesAsync(cancellationToken);
            return post;
        }, cancellationToken);
    }

    /// <summary>Adds a reply, moves the thread's counters atomically and emails its watchers (not the replier).</summary>
    public async Task<ForumPost> ReplyAsync(Community community, ForumThread thread, string userId, string body, Guid key, bool acceptsGroundRules,
        IReadOnlyList<ForumAttachmentFile>? attachments = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(thread);
        var now = clock.GetUtcNow();
        return await db.InTransactionAsync(async () =>
        {
            AcceptGroundRules(userId, acceptsGroundRules, now);
            var post = new ForumPost { ThreadId = thread.Id, CommunityId = thread.CommunityId, AuthorId = userId, Body = body, CreatedAt = now, SubmissionKey = key };
            db.ForumPosts.Add(post);
            Attach(post, attachments, now);
            await db.SaveChangesAsync(cancellationToken);
            IndexPost(post, null);
            await NotifyWatchersAsync(community, thread, post, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            // Counters are bookkeeping derived from the audited posts; updated in place so two replies at once both count.
            var postId = post.Id;
            await db.ForumThreads.Where(t => t.Id == thread.Id).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.PostCount, t => t.PostCount + 1)
                .SetProperty(t => t.LastPostAt, now)
                .SetProperty(t => t.LastPostId, t => t.LastPostId < postId ? postId : t.LastPostId), cancellationToken);
            return post;
        }, cancellationToken);
    }

    /// <summary>
    /// Changes a post's text (and, for a thread's first post, its title). An author's own edit within
    /// <see cref="ForumPost.FreeEditWindow"/> leaves no mark; later ones are marked edited; a moderator's edit of
    /// someone else's post is marked as theirs with the reason. Search terms follow the new text.
    /// </summary>
    public async Task EditAsync(ForumPost post, ForumThread thread, string body, string? title, bool asModerator, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(thread);
        var now = clock.GetUtcNow();
        post.Body = body;
        if (asModerator)
        {
            post.EditedAt = now;
            post.EditedByModerator = true;
            post.EditReason = reason;
        }
        else if (now - post.CreatedAt > ForumPost.FreeEditWindow)
        {
            post.EditedAt = now;
        }
        var isFirst = await IsFirstPostAsync(post, cancellationToken);
        if (isFirst && !string.IsNullOrWhiteSpace(title))
        {
            thread.Title = title;
        }
        await db.ForumSearchTerms.Where(t => t.PostId == post.Id).ExecuteDeleteAsync(cancellationToken);
        IndexPost(post, isFirst ? thread.Title : null);
        await db.InTransactionAsync(() => db.SaveChangesAsync(cancellationToken), cancellationToken);
    }

    /// <summary>Removes a post: a placeholder with the reason replaces it everywhere; its text stays only in the row and the audit.</summary>
    public async Task RemoveAsync(ForumPost post, ForumThread thread, string moderatorId, string reason, bool tellAuthor = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(thread);
        post.RemovedAt = clock.GetUtcNow();
        post.RemovedById = moderatorId;
        post.RemovedReason = reason;
        if (tellAuthor)
        {
            await TellAuthorAsync(post, thread,
                $"A moderator removed your post in “{thread.Title}”",
                $"A moderator removed your post in the thread “{thread.Title}”.\n\nReason: {reason}\n\nIf you have questions, contact the community's core team or the network team.", cancellationToken);
        }
        await db.InTransactionAsync(async () =>
        {
            await db.ForumSearchTerms.Where(t => t.PostId == post.Id).ExecuteDeleteAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
    }

    public async Task ReportAsync(ForumPost post, string reporterId, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        await db.InTransactionAsync(async () =>
        {
            // One open report per person and post, so a repeated press (thirty at once, even) reaches the moderators
            // once. The post's row is locked first, so reports of the same post are taken one at a time.
            await db.ForumPosts.Where(p => p.Id == post.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.SubmissionKey, p => p.SubmissionKey), cancellationToken);
            if (await db.ForumReports.AnyAsync(r => r.PostId == post.Id && r.ReporterId == reporterId && r.ResolvedAt == null, cancellationToken))
            {
                return;
            }
            db.ForumReports.Add(new ForumReport { CommunityId = post.CommunityId, PostId = post.Id, ReporterId = reporterId, Reason = reason, CreatedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// Closes a report with what was done. "Post removed" removes the post (the note is the reason) if it is still
    /// there. The post's author is told the outcome by email; the reporter stays anonymous to them.
    /// </summary>
    public async Task ResolveAsync(ForumReport report, string resolverId, ForumReportOutcome outcome, string? note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var post = await db.ForumPosts.FirstAsync(p => p.Id == report.PostId, cancellationToken);
        var thread = await db.ForumThreads.FirstAsync(t => t.Id == post.ThreadId, cancellationToken);
        report.ResolvedAt = clock.GetUtcNow();
        report.ResolvedById = resolverId;
        report.Outcome = outcome;
        report.ActionNote = note;
        var what = outcome switch
        {
            ForumReportOutcome.PostRemoved => "The post has been removed.",
            ForumReportOutcome.PostEdited => "The post has been edited by a moderator.",
            _ => "No action was needed: the post stays as it is.",
        };
        await TellAuthorAsync(post, thread,
            $"A report about your post in “{thread.Title}” has been reviewed",
            $"A member reported your post in the thread “{thread.Title}”, and the moderators have reviewed it.\n\n{what}{(string.IsNullOrWhiteSpace(note) ? "" : "\n\nModerator's note: " + note)}\n\nIf you have questions, contact the community's core team or the network team.", cancellationToken);
        if (outcome == ForumReportOutcome.PostRemoved && !post.IsRemoved)
        {
            await RemoveAsync(post, thread, resolverId, string.IsNullOrWhiteSpace(note) ? "It broke the ground rules." : note, tellAuthor: false, cancellationToken);
            return;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SetThreadWatchAsync(int threadId, string userId, bool watch, CancellationToken cancellationToken = default)
    {
        var existing = await db.ForumThreadWatches.FirstOrDefaultAsync(w => w.ThreadId == threadId && w.UserId == userId, cancellationToken);
        if (watch && existing is null)
        {
            db.ForumThreadWatches.Add(new ForumThreadWatch { ThreadId = threadId, UserId = userId });
        }
        else if (!watch && existing is not null)
        {
            db.ForumThreadWatches.Remove(existing);
        }
        await SaveIgnoringRaceAsync(cancellationToken);
    }

    public async Task SetForumWatchAsync(int communityId, string userId, bool watch, CancellationToken cancellationToken = default)
    {
        var existing = await db.ForumWatches.FirstOrDefaultAsync(w => w.CommunityId == communityId && w.UserId == userId, cancellationToken);
        if (watch && existing is null)
        {
            db.ForumWatches.Add(new ForumWatch { CommunityId = communityId, UserId = userId });
        }
        else if (!watch && existing is not null)
        {
            db.ForumWatches.Remove(existing);
        }
        await SaveIgnoringRaceAsync(cancellationToken);
    }

    /// <summary>
    /// Posts in a CoP's forum whose title or text has every searched word as the start of a word, latest first.
    /// Everything is read from the term index (CommunityId, Term, PostId): the count and the page's post ids never
    /// touch the posts, and only the page's twenty posts are read. Removed posts have no terms, so they are never
    /// found. Matches are counted up to <see cref="MaxCountedMatches"/> only, in the same query as the page of hits.
    /// </summary>
    public async Task<SearchPage> SearchAsync(int communityId, IReadOnlyList<string> words, int skip, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (words.Count == 0)
        {
            return new SearchPage(0, false, []);
        }
        var searched = words.Take(MaxSearchWords).Select(SearchTerms.PrefixRange).ToList();
        var (from, to) = searched[0];
        // The first word drives; every other word is a seek on the term table's key (PostId, Term) per candidate.
        var exact = Narrowed(db.ForumSearchTerms.Where(t => t.CommunityId == communityId && t.Term == from), searched);
        var longer = Narrowed(db.ForumSearchTerms.Where(t => t.CommunityId == communityId && string.Compare(t.Term, from) > 0 && string.Compare(t.Term, to) < 0), searched);
        // The word itself is one term, whose post ids the index holds newest last: the latest of them are read
        // from the index in order, however common the word. Only longer words it starts ("supervisions" for
        // "supervision"), usually few, are sorted. The page is among the first skip + 20 of either part.
        var needed = skip + SearchResultsPerPage;
        var pageIds = exact.Select(t => t.PostId).OrderByDescending(id => id).Take(needed)
            .Union(longer.Select(t => t.PostId).Distinct().OrderByDescending(id => id).Take(needed))
            .OrderByDescending(id => id)
            .Skip(skip).Take(SearchResultsPerPage);
        // One more than counted tells "exactly 1,000" from "more than 1,000"; the index is read in its own order
        // and stops there, so a common word costs no more than 1,001 entries.
        var counted = Narrowed(db.ForumSearchTerms.Where(t => t.CommunityId == communityId && string.Compare(t.Term, from) >= 0 && string.Compare(t.Term, to) < 0), searched)
            .Select(t => t.PostId).Distinct().Take(MaxCountedMatches + 1);
        var rows = await db.ForumPosts.AsNoTracking()
            .Where(p => pageIds.Contains(p.Id) && p.CommunityId == communityId && p.RemovedAt == null)
            .OrderByDescending(p => p.Id)
            .Select(p => new { Hit = new SearchHit(p.Id, p.ThreadId, p.Thread!.Title, p.Author!.DisplayName, p.CreatedAt, p.Body), Total = counted.Count() })
            .ToListAsync(cancellationToken);
        // An empty page past the end still needs the count, for the pager to go back to the last page.
        var total = rows.Count > 0 ? rows[0].Total : skip == 0 ? 0 : await counted.CountAsync(cancellationToken);
        return new SearchPage(Math.Min(total, MaxCountedMatches), total > MaxCountedMatches, rows.ConvertAll(r => r.Hit));
    }

    /// <summary>Keeps the first word's terms whose post also has a term starting with each other searched word.</summary>
    private IQueryable<ForumSearchTerm> Narrowed(IQueryable<ForumSearchTerm> terms, List<(string From, string To)> searched)
    {
        foreach (var (from, to) in searched.Skip(1))
        {
            terms = terms.Where(t => db.ForumSearchTerms.Any(o => o.PostId == t.PostId && string.Compare(o.Term, from) >= 0 && string.Compare(o.Term, to) < 0));
        }
        return terms;
    }

    /// <summary>Which page of its thread a post is on, for links to it.</summary>
    public async Task<int> PageOfPostAsync(int threadId, int postId, CancellationToken cancellationToken = default)
    {
        var before = await db.ForumPosts.CountAsync(p => p.ThreadId == threadId && p.Id < postId, cancellationToken);
        return (before / PostsPerPage) + 1;
    }

    private async Task<bool> IsFirstPostAsync(ForumPost post, CancellationToken cancellationToken) =>
        !await db.ForumPosts.AnyAsync(p => p.ThreadId == post.ThreadId && p.Id < post.Id, cancellationToken);

    private void IndexPost(ForumPost post, string? title)
    {
        // Markdown's punctuation splits away like any other; link addresses become words, which is harmless.
        var terms = SearchTerms.Distinct(title + " " + post.Body);
        db.ForumSearchTerms.AddRange(terms.Select(t => new ForumSearchTerm { PostId = post.Id, CommunityId = post.CommunityId, Term = t }));
    }

    /// <summary>Adds the post's files in the post's own SaveChanges, so a post never exists without them (and is audited with them).</summary>
    private void Attach(ForumPost post, IReadOnlyList<ForumAttachmentFile>? files, DateTimeOffset now)
    {
        foreach (var f in files ?? [])
        {
            db.ForumAttachments.Add(new ForumAttachment
            {
                Post = post, CommunityId = post.CommunityId, StoredName = f.StoredName, FileName = f.FileName,
                ContentType = f.ContentType, Length = f.Length, CreatedAt = now, UploadedById = post.AuthorId,
            });
        }
    }

    private void AcceptGroundRules(string userId, bool accepts, DateTimeOffset now)
    {
        if (accepts)
        {
            db.GroundRulesAcceptances.Add(new GroundRulesAcceptance { UserId = userId, AcceptedAt = now });
        }
    }

    /// <summary>
    /// Emails everyone who watches the thread or the forum, except the replier, while they can still read the forum
    /// (members and staff, accounts open). The email names the thread and the replier but carries none of the post's
    /// text, so a post edited or removed later never survives in a held digest or an inbox.
    /// </summary>
    private async Task NotifyWatchersAsync(Community community, ForumThread thread, ForumPost post, CancellationToken cancellationToken)
    {
        var threadWatchers = db.ForumThreadWatches.Where(w => w.ThreadId == thread.Id).Select(w => w.UserId);
        var forumWatchers = db.ForumWatches.Where(w => w.CommunityId == community.Id).Select(w => w.UserId);
        var staffRole = db.Roles.Where(r => r.Name == NetworkRoles.NetworkStaff).Select(r => r.Id);
        var recipients = await db.Users.AsNoTracking()
            .Where(u => u.Id != post.AuthorId && u.ClosedAt == null && u.Email != null)
            .Where(u => threadWatchers.Contains(u.Id) || forumWatchers.Contains(u.Id))
            .Where(u => db.Memberships.Any(m => m.CommunityId == community.Id && m.UserId == u.Id)
                || db.UserRoles.Any(r => r.UserId == u.Id && staffRole.Contains(r.RoleId)))
            .Select(u => new { u.Id, u.Email, u.DisplayName })
            .ToListAsync(cancellationToken);
        if (recipients.Count == 0)
        {
            return;
        }
        var replier = await db.Users.AsNoTracking().Where(u => u.Id == post.AuthorId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
        var page = await PageOfPostAsync(thread.Id, post.Id, cancellationToken);
        var link = site.Url(PortalPaths.ForumThread(community.Slug, thread.Id, page) + "#post-" + post.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var r in recipients)
        {
            outbox.Enqueue("forum.reply", r.Email!, r.DisplayName,
                $"New reply in “{thread.Title}” ({community.Name})",
                $"{replier} replied in the thread “{thread.Title}” in the {community.Name} forum.\n\nRead it and reply: {link}\n\nYou get this email because you watch this thread or this forum. To stop, open the thread or the forum and choose Stop watching.",
                topic: EmailTopic.ForumReplies, userId: r.Id);
        }
    }

    private async Task TellAuthorAsync(ForumPost post, ForumThread thread, string subject, string body, CancellationToken cancellationToken)
    {
        var author = await db.Users.AsNoTracking().Where(u => u.Id == post.AuthorId && u.ClosedAt == null && u.Email != null)
            .Select(u => new { u.Email, u.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        var slug = await db.Communities.AsNoTracking().Where(c => c.Id == thread.CommunityId).Select(c => c.Slug).FirstAsync(cancellationToken);
        if (author is not null)
        {
            // Moderation notices always go: they are not a topic anyone can switch off.
            outbox.Enqueue("forum.moderation", author.Email!, author.DisplayName, subject, body + "\n\nThe thread: " + site.Url(PortalPaths.ForumThread(slug, thread.Id)));
        }
    }

    private async Task SaveIgnoringRaceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same request twice at once: the other one made the same change.
        }
    }
}
