using CopPortal.Domain.Data;
using CopPortal.Domain.Forum;
using CopPortal.Domain.Links;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Forms.Validators;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities.Forum;

/// <summary>
/// An author changes their own post (freely for 30 minutes, then marked edited); a moderator changes anyone's,
/// giving a reason shown with the post. Authorised per post (EditItem): an author who left the CoP no longer can.
/// </summary>
[CommunityOperation(nameof(CommunityOperations.ViewMemberContent))]
public class EditPostModel(CopDbContext db, ForumService forum, IAuthorizationService authz, TimeProvider clock) : ForumPageModel
{
    [BindProperty(SupportsGet = true)]
    public int PostId { get; set; }

    [BindProperty]
    public EditPostInput Input { get; set; } = new();

    public ForumThread Thread { get; private set; } = default!;
    public bool FreeWindowOver { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is not { } post)
        {
            return Forbid();
        }
        Input.Body = post.Body;
        Input.Title = Thread.Title;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is not { } post)
        {
            return Forbid();
        }
        if (!await this.ValidateInputAsync(Input))
        {
            return Page();
        }
        var thread = await LoadThreadAsync(db, post.ThreadId, tracked: true);
        await forum.EditAsync(post, thread, FieldRules.Clean(Input.Body), FieldRules.Clean(Input.Title), Input.AsModerator, Input.AsModerator ? FieldRules.Clean(Input.Reason) : null);
        TempData["Success"] = "The post has been changed";
        var page = await forum.PageOfPostAsync(post.ThreadId, post.Id);
        return Redirect(PortalPaths.ForumThread(Community.Slug, post.ThreadId, page) + "#post-" + post.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The post (tracked), or null when this person may not edit it. Removed posts cannot be edited (404).</summary>
    private async Task<ForumPost?> LoadAsync()
    {
        var post = await LoadPostAsync(db, PostId, tracked: true);
        if (post.IsRemoved)
        {
            throw new CommunityChildNotFoundException();
        }
        if (!(await authz.AuthorizeAsync(User, post, CommunityOperations.EditItem)).Succeeded)
        {
            return null;
        }
        Thread = await LoadThreadAsync(db, post.ThreadId);
        Input.IsFirstPost = !await db.ForumPosts.AnyAsync(p => p.ThreadId == post.ThreadId && p.Id < post.Id);
        Input.AsModerator = post.AuthorId != UserId;
        FreeWindowOver = clock.GetUtcNow() - post.CreatedAt > ForumPost.FreeEditWindow;
        return post;
    }
}
