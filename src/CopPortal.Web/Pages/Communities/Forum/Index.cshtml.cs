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

/// <summary>A CoP's forum: its threads (pinned first, then latest activity, with unread markers) or, with words, search results.</summary>
[CommunityOperation(nameof(CommunityOperations.ViewMemberContent))]
public class IndexModel(ForumService forum) : ForumPageModel
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

    /// <summary>The search found more than <see cref="ForumService.MaxCountedMatches"/> posts; only that many are listed.</summary>
    public bool MoreThanCounted { get; private set; }

    /// <summary>"1,000": the count cap as people read it.</summary>
    public static readonly string MaxCountedText = ForumService.MaxCountedMatches.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    public async Task OnGetAsync()
    {
        var path = PortalPaths.Forum(Community.Slug);
        var header = await forum.HeaderAsync(Community.Id, UserId, IsModerator, countThreads: !IsSearch);
        Watching = header.Watching;
        OpenReports = header.OpenReports;
        if (IsSearch)
        {
            SearchTooLong = Words!.Length > WordsMaxLength;
            var words = SearchTooLong ? [] : SearchTerms.Split(Words).Distinct().Take(ForumService.MaxSearchWords).ToList();
            var first = await forum.SearchAsync(Community.Id, words, Math.Max(0, PageNumber - 1) * ForumService.SearchResultsPerPage);
            MoreThanCounted = first.MoreThanCounted;
            Pager = new Pager(PageNumber, ForumService.SearchResultsPerPage, first.Total, path, new Dictionary<string, string?> { ["q"] = Words });
            Hits = Pager.Skip == Math.Max(0, PageNumber - 1) * ForumService.SearchResultsPerPage
                ? first.Hits
                : (await forum.SearchAsync(Community.Id, words, Pager.Skip)).Hits;
            return;
        }
        Pager = new Pager(PageNumber, ForumService.ThreadsPerPage, header.ThreadCount, path, new Dictionary<string, string?>());
        Threads = header.ThreadCount == 0 ? [] : await forum.ThreadsAsync(Community.Id, UserId, Pager.Skip);
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
