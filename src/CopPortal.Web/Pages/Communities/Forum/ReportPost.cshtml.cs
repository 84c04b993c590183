using CopPortal.Domain.Data;
using CopPortal.Domain.Forum;
using CopPortal.Domain.Links;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Forms.Validators;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CopPortal.Web.Pages.Communities.Forum;

/// <summary>Any member reports a post with a reason; it joins the CoP's and the network team's queues.</summary>
[CommunityOperation(nameof(CommunityOperations.ViewMemberContent))]
public class ReportPostModel(CopDbContext db, ForumService forum) : ForumPageModel
{
    [BindProperty(SupportsGet = true)]
    public int PostId { get; set; }

    [BindProperty]
    public ReasonInput Input { get; set; } = new();

    public ForumThread Thread { get; private set; } = default!;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var post = await LoadAsync();
        if (!await this.ValidateInputAsync(Input))
        {
            return Page();
        }
        await forum.ReportAsync(post, UserId, FieldRules.Clean(Input.Reason));
        TempData["Success"] = "Thank you: the post has been reported to the moderators";
        var page = await forum.PageOfPostAsync(post.ThreadId, post.Id);
        return Redirect(PortalPaths.ForumThread(Community.Slug, post.ThreadId, page) + "#post-" + post.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task<ForumPost> LoadAsync()
    {
        var post = await LoadPostAsync(db, PostId);
        if (post.IsRemoved)
        {
            throw new CommunityChildNotFoundException();
        }
        Thread = await LoadThreadAsync(db, post.ThreadId);
        return post;
    }
}
