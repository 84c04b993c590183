using System.Globalization;
using CopPortal.Domain.Data;
using CopPortal.Domain.Forum;
using CopPortal.Domain.Links;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Files;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Forms.Validators;
using CopPortal.Web.Infrastructure.Security;
using CopPortal.Web.Pages.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities.Forum;

/// <summary>
/// A thread: its posts a page at a time (authors loaded in the same query), the reply form (with a quote of a post
/// when asked), watching, and for moderators lock and pin. Reading a page moves the member's unread marker. The
/// thread and the page's posts and files, alike for every reader, are kept in the content cache, and the posts'
/// markup by what its links depend on (moderator or not, the reader's own posts); the reader's state is read per request.
/// </summary>
[CommunityOperation(nameof(CommunityOperations.ViewMemberContent))]
[UploadTooLarge(Files = ForumAttachment.MaxPerPost)]
public class ThreadModel(CopDbContext db, ForumService forum, TimeProvider clock, ForumAttachmentUploads attachments) : ForumPageModel
{
    [BindProperty(SupportsGet = true)]
    public int ThreadId { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "quote")]
    public int? QuotePostId { get; set; }

    [BindProperty]
    public PostInput Input { get; set; } = new();

    public ForumThread Thread { get; private set; } = default!;
    public List<PostView> Posts { get; private set; } = [];

    public Pager Pager { get; private set; } = default!;
    public bool Watching { get; private set; }

    /// <summary>The posts' markup is kept under this (null: rendered afresh).</summary>
    public string? PostsKey { get; private set; }

    private static readonly ILookup<int, AttachmentView> NoFiles = Array.Empty<AttachmentView>().ToLookup(a => a.PostId);

    // The attachments of the posts on this page, removed posts' included, by post id.
    private ILookup<int, AttachmentView> _files = NoFiles;

    /// <summary>A post's files as this reader may see them: a removed post's are listed (and downloadable) for moderators only.</summary>
    public IEnumerable<AttachmentView> FilesOf(PostView post)
    {
        ArgumentNullException.ThrowIfNull(post);
        return post.IsRemoved && !IsModerator ? [] : _files[post.Id];
    }

    public bool CanReply => !Thread.IsLocked && !IsArchived;

    /// <summary>Whether the reply form shows nothing of this reader's own (no quote, no refused attempt), so its kept markup serves.</summary>
    public bool ReplyFormIsBlank => ModelState.IsValid && string.IsNullOrEmpty(Input.Body);

    /// <summary>Whether the author may still change a post without it being marked edited.</summary>
    public bool InFreeEditWindow(PostView post) => clock.GetUtcNow() - post.CreatedAt <= ForumPost.FreeEditWindow;

    public bool MayEdit(PostView post) => !IsArchived && !post.IsRemoved && (IsModerator || post.AuthorId == UserId);

    public async Task OnGetAsync()
    {
        var reader = await LoadAsync();
        Input.SubmissionKey = Guid.NewGuid();
        Input.NeedsGroundRules = !reader.AcceptedGroundRules;
        if (QuotePostId is { } quoted && CanReply)
        {
            var post = await db.ForumPosts.AsNoTracking()
                .Where(p => p.Id == quoted && p.ThreadId == Thread.Id && p.RemovedAt == null)
                .Select(p => new { p.Author!.DisplayName, p.Body })
                .FirstOrDefaultAsync();
            if (post is not null)
            {
                Input.Body = Quote(post.DisplayName, post.Body);
            }
        }
        // Written only when this page shows posts past the stored mark: re-reading an old page writes nothing.
        if (Posts.Count > 0 && Posts[^1].Id > (reader.LastReadPostId ?? 0))
        {
            await forum.MarkReadAsync(UserId, Thread.Id, Posts[^1].Id);
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Input.SubmissionKey == Guid.Empty)
        {
            Input.SubmissionKey = Guid.NewGuid();
        }
        var thread = await LoadThreadAsync(db, ThreadId);
        if (await forum.FindBySubmissionKeyAsync(Input.SubmissionKey, UserId) is { } sent)
        {
            return await RedirectToPostAsync(sent);
        }
        Input.NeedsGroundRules = !await forum.HasAcceptedGroundRulesAsync(UserId);
        await this.ValidateInputAsync(Input);
        ForumAttachmentUploads.CheckCount(Input.Files, ModelState);
        if (thread.IsLocked)
        {
            ModelState.AddModelError("", "This thread is locked, so it takes no new replies. Your reply has not been posted.");
        }
        else if (ModelState.IsValid && await forum.OverRateLimitAsync(UserId))
        {
            ModelState.AddModelError("", forum.RateLimitMessage);
        }
        ForumAttachmentUploads.AskAgainIfRefused(Input.Files, ModelState);
        // Files are stored only once everything else is right, so a refused form leaves none behind.
        if (!ModelState.IsValid || await attachments.SaveAllAsync(Input.Files, ModelState, HttpContext.RequestAborted) is not { } files)
        {
            PageNumber = int.MaxValue;
            await LoadAsync();
            return Page();
        }
        try
        {
            var post = await forum.ReplyAsync(Community, thread, UserId, FieldRules.Clean(Input.Body), Input.SubmissionKey, Input.NeedsGroundRules,
                ForumAttachmentUploads.Describe(files));
            TempData["Success"] = "Your reply has been posted";
            return await RedirectToPostAsync(post);
        }
        catch (DbUpdateException)
        {
            await attachments.DiscardAsync(files);
            // The same form sent twice at once: the other send made the post.
            db.ChangeTracker.Clear();
            var sentAtOnce = await forum.FindBySubmissionKeyAsync(Input.SubmissionKey, UserId) ?? throw new InvalidOperationException("A reply could not be saved");
            return await RedirectToPostAsync(sentAtOnce);
        }
        catch
        {
            await attachments.DiscardAsync(files);
            throw;
        }
    }

    public Task<IActionResult> OnPostWatchAsync() => WatchAsync(true);

    public Task<IActionResult> OnPostUnwatchAsync() => WatchAsync(false);

    [CommunityOperation(nameof(CommunityOperations.RunCommunity))]
    public Task<IActionResult> OnPostLockAsync() => ChangeThreadAsync(t => t.IsLocked = true, "The thread is locked: nobody can reply until it is unlocked");

    [CommunityOperation(nameof(CommunityOperations.RunCommunity))]
    public Task<IActionResult> OnPostUnlockAsync() => ChangeThreadAsync(t => t.IsLocked = false, "The thread is unlocked: members can reply again");

    [CommunityOperation(nameof(CommunityOperations.RunCommunity))]
    public Task<IActionResult> OnPostPinAsync() => ChangeThreadAsync(t => t.IsPinned = true, "The thread is pinned to the top of the forum");

    [CommunityOperation(nameof(CommunityOperations.RunCommunity))]
    public Task<IActionResult> OnPostUnpinAsync() => ChangeThreadAsync(t => t.IsPinned = false, "The thread is no longer pinned");

    /// <summary>A Markdown blockquote of a post, naming its author, to start a reply with.</summary>
    public static string Quote(string author, string body)
    {
        var lines = body.ReplaceLineEndings("\n").Split('\n').Select(l => l.Length == 0 ? ">" : "> " + l);
        return $"> {author} wrote:\n>\n{string.Join('\n', lines)}\n\n";
    }

    private sealed record ThreadPage(ForumThread Thread, List<PostView> Posts, ILookup<int, AttachmentView> Files);

    /// <summary>The thread (this CoP's only), one page of its posts with their files, and the reader's state in it.</summary>
    private async Task<ThreadReader> LoadAsync()
    {
        var key = Key("forum-thread", ThreadId, PageNumber);
        var shown = await SharedAsync(db, key, async () =>
        {
            if (await forum.ThreadAsync(Community.Id, ThreadId) is not { } thread)
            {
                return null;
            }
            var posts = await forum.PostsAsync(thread.Id, PagerFor(thread).Skip);
            var withFiles = posts.Where(p => p.HasFiles).Select(p => p.Id).ToList();
            return new ThreadPage(thread, posts, withFiles.Count == 0 ? NoFiles : (await forum.AttachmentsAsync(withFiles)).ToLookup(a => a.PostId));
        }) ?? throw new CommunityChildNotFoundException();
        Thread = shown.Thread;
        Posts = shown.Posts;
        _files = shown.Files;
        Pager = PagerFor(Thread);
        var reader = await forum.ThreadReaderAsync(Thread.Id, UserId);
        Watching = reader.Watching;
        // The posts' links differ between readers only by whether they moderate and which posts are their own.
        var own = Posts.Any(p => p.AuthorId == UserId) ? UserId : "";
        PostsKey = await SharedMarkupKeyAsync(db, Key(key, IsModerator, own));
        return reader;
    }

    private Pager PagerFor(ForumThread thread) =>
        new(PageNumber, ForumService.PostsPerPage, thread.PostCount, PortalPaths.ForumThread(Community.Slug, thread.Id), new Dictionary<string, string?>());

    private async Task<IActionResult> RedirectToPostAsync(ForumPost post)
    {
        var page = await forum.PageOfPostAsync(post.ThreadId, post.Id);
        return Redirect(PortalPaths.ForumThread(Community.Slug, post.ThreadId, page) + "#post-" + post.Id.ToString(CultureInfo.InvariantCulture));
    }

    private async Task<IActionResult> WatchAsync(bool watch)
    {
        var thread = await LoadThreadAsync(db, ThreadId);
        await forum.SetThreadWatchAsync(thread.Id, UserId, watch);
        TempData["Success"] = watch ? "You are watching this thread: we will email you about new replies" : "You have stopped watching this thread";
        return Redirect(PortalPaths.ForumThread(Community.Slug, thread.Id));
    }

    private async Task<IActionResult> ChangeThreadAsync(Action<ForumThread> change, string done)
    {
        var thread = await LoadThreadAsync(db, ThreadId, tracked: true);
        change(thread);
        await db.SaveChangesAsync();
        TempData["Success"] = done;
        return Redirect(PortalPaths.ForumThread(Community.Slug, thread.Id));
    }
}
