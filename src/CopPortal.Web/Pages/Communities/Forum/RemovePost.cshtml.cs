using CopPortal.Domain.Data;
using CopPortal.Domain.Forum;
using CopPortal.Domain.Links;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Forms.Validators;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CopPortal.Web.Pages.Communities.Forum;

/// <summary>A moderator removes a post with a reason: a placeholder takes its place; the text stays for the audit only.</summary>
[CommunityOperation(nameof(CommunityOperations.RunCommunity))]
public class RemovePostModel(CopDbContext db, ForumService forum) : ForumPageModel
{
    [BindProperty(SupportsGet = true)]
    public int PostId { get; set; }

    [BindProperty]
    public ReasonInput Input { get; set; } = new();

    public ForumPost Post { get; private set; } = default!;
    public ForumThread Thread { get; private set; } = default!;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync(tracked: true);
        if (!await this.ValidateInputAsync(Input))
        {
            return Page();
        }
        await forum.RemoveAsync(Post, Thread, UserId, FieldRules.Clean(Input.Reason));
        TempData["Success"] = "The post has been removed";
        var page = await forum.PageOfPostAsync(Post.ThreadId, Post.Id);
        return Redirect(PortalPaths.ForumThread(Community.Slug, Post.ThreadId, page) + "#post-" + Post.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task LoadAsync(bool tracked = false)
    {
        Post = await LoadPostAsync(db, PostId, tracked);
        if (Post.IsRemoved)
        {
            throw new CommunityChildNotFoundException();
        }
        Thread = await LoadThreadAsync(db, Post.ThreadId);
    }
}
