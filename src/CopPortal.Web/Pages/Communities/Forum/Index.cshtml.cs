using System.Globalization;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Forum;
using CopPortal.Domain.Links;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Security;
using CopPortal.Web.Pages.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;

namespace CopPortal.Web.Pages.Communities.Forum;

/// <summary>
/// A CoP's forum: its threads (pinned first, then latest activity, with unread markers) or, with words, search
/// results. The rows and hits, alike for every reader, are kept in the content cache (their markup too); what is
/// the reader's own (unread markers, watching, open reports) is read per request in one query.
/// </summary>
[CommunityOperation(nameof(CommunityOperations.ViewMemberContent))]
public class IndexModel(CopDbContext db, ForumService forum) : ForumPageModel
{
    public const int WordsMaxLength = 100;
    public const string WordsTooLong = "Your search must be 100 characters or fewer";

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Words { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public bool IsSearch => !string.IsNullOrWhiteSpace(Words);
    public bool SearchTooLong { get; private set; }
    public List<ThreadRow> Threads { get; private set; } = [];
    public List<SearchHit> Hits { get; private set; } = [];
    public Pager Pager { get; private set; } = default!;
    public bool Watching { get; private set; }
    public int OpenReports { get; private set; }

    /// <summary>The thread list's or the search hits' markup is kept under this (null: rendered afresh).</summary>
    public string? ListKey { get; private set; }

    /// <summary>The search found more than <see cref="ForumService.MaxCountedMatches"/> posts; only that many are listed.</summary>
    public bool MoreThanCounted { get; private set; }

    /// <summary>"1,000": the count cap as people read it.</summary>
    public static readonly string MaxCountedText = ForumService.MaxCountedMatches.ToString("N0", CultureInfo.InvariantCulture);

    // How far the reader has read each listed thread.
    private Dictionary<int, int> _readUpTo = [];

    /// <summary>Whether the thread has posts the reader has not seen.</summary>
    public bool Unread(ThreadRow thread)
    {
        ArgumentNullException.ThrowIfNull(thread);
        return thread.LastPostId > _readUpTo.GetValueOrDefault(thread.Id);
    }

    private sealed record ThreadList(int Total, List<ThreadRow> Rows);

    public async Task OnGetAsync()
    {
        if (IsSearch)
        {
            await SearchAsync();
            return;
        }
        var key = Key("forum-threads", PageNumber);
        var list = await SharedAsync(db, key, async () =>
        {
            var total = await forum.ThreadCountAsync(Community.Id);
            return new ThreadList(total, total == 0 ? [] : await forum.ThreadsAsync(Community.Id, PagerFor(total).Skip));
        });
        Pager = PagerFor(list.Total);
        Threads = list.Rows;
        var reader = await ReaderAsync(Pager.Skip);
        _readUpTo = reader.ReadMarks.ToDictionary(m => m.ThreadId, m => m.LastReadPostId);
        // The rows differ between readers only by their unread markers: one character a row.
        ListKey = await SharedMarkupKeyAsync(db, Key(key, string.Concat(Threads.Select(t => Unread(t) ? '1' : '0'))));
    }

    private async Task SearchAsync()
    {
        SearchTooLong = Words!.Length > WordsMaxLength;
        var words = SearchTooLong ? [] : SearchTerms.Split(Words).Distinct().Take(ForumService.MaxSearchWords).ToList();
        // The hits follow from the words as searched and the page asked for, not from how the words were typed.
        var key = Key("forum-search", PageNumber, string.Join(' ', words));
        var found = await SharedAsync(db, key, async () =>
        {
            var asked = Math.Max(0, PageNumber - 1) * ForumService.SearchResultsPerPage;
            var first = await forum.SearchAsync(Community.Id, words, asked);
            var shown = PagerFor(first.Total).Skip;
            return shown == asked ? first : first with { Hits = (await forum.SearchAsync(Community.Id, words, shown)).Hits };
        });
        MoreThanCounted = found.MoreThanCounted;
        Pager = PagerFor(found.Total);
        Hits = found.Hits;
        await ReaderAsync(null);
        ListKey = await SharedMarkupKeyAsync(db, key);
    }

    private Pager PagerFor(int total) => IsSearch
        ? new(PageNumber, ForumService.SearchResultsPerPage, total, PortalPaths.Forum(Community.Slug), new Dictionary<string, string?> { ["q"] = Words })
        : new(PageNumber, ForumService.ThreadsPerPage, total, PortalPaths.Forum(Community.Slug), new Dictionary<string, string?>());

    private async Task<ForumReader> ReaderAsync(int? listSkip)
    {
        var reader = await forum.ForumReaderAsync(Community.Id, UserId, IsModerator, listSkip);
        Watching = reader.Watching;
        OpenReports = reader.OpenReports;
        return reader;
    }

    public async Task<IActionResult> OnPostWatchAsync()
    {
        await forum.SetForumWatchAsync(Community.Id, UserId, watch: true);
        TempData["Success"] = "You are watching this forum: we will email you about new replies in any thread";
        return Redirect(PortalPaths.Forum(Community.Slug));
    }

    public async Task<IActionResult> OnPostUnwatchAsync()
    {
        await forum.SetForumWatchAsync(Community.Id, UserId, watch: false);
        TempData["Success"] = "You have stopped watching this forum";
        return Redirect(PortalPaths.Forum(Community.Slug));
    }

    // Markdown's plain-text rendering parses each body afresh, and a search page shows twenty: previews are kept
    // by their source text, as MarkdownText keeps safe HTML (an edit is a different text, so a different entry).
    private static readonly MemoryCache Previews = new(new MemoryCacheOptions { SizeLimit = 2_000_000, CompactionPercentage = 0.25 });

    /// <summary>A short plain preview of a found post, never its Markdown or HTML.</summary>
    public static string Preview(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (Previews.TryGetValue(body, out string? kept))
        {
            return kept!;
        }
        var text = CopPortal.Web.Infrastructure.Text.MarkdownText.ToPlainText(body).ReplaceLineEndings(" ");
        var preview = text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "…");
        Previews.Set(body, preview, new MemoryCacheEntryOptions { Size = body.Length + preview.Length, SlidingExpiration = TimeSpan.FromHours(1) });
        return preview;
    }
}
