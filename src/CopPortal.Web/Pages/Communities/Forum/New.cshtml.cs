using CopPortal.Domain.Data;
using CopPortal.Domain.Forum;
using CopPortal.Domain.Links;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Forms.Validators;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities.Forum;

/// <summary>A member starts a thread: a title and the first post. Rate-limited; the same form sent twice makes one thread.</summary>
[CommunityOperation(nameof(CommunityOperations.ViewMemberContent))]
public class NewModel(CopDbContext db, ForumService forum) : ForumPageModel
{
    [BindProperty]
    public NewThreadInput Input { get; set; } = new();

    public async Task OnGetAsync()
    {
        Input.SubmissionKey = Guid.NewGuid();
        Input.NeedsGroundRules = !await forum.HasAcceptedGroundRulesAsync(UserId);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Input.SubmissionKey == Guid.Empty)
        {
            Input.SubmissionKey = Guid.NewGuid();
        }
        if (await forum.FindBySubmissionKeyAsync(Input.SubmissionKey, UserId) is { } sent)
        {
            return Redirect(PortalPaths.ForumThread(Community.Slug, sent.ThreadId));
        }
        Input.NeedsGroundRules = !await forum.HasAcceptedGroundRulesAsync(UserId);
        await this.ValidateInputAsync(Input);
        if (ModelState.IsValid && await forum.OverRateLimitAsync(UserId))
        {
            ModelState.AddModelError("", forum.RateLimitMessage);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            var post = await forum.StartThreadAsync(Community.Id, UserId, FieldRules.Clean(Input.Title), FieldRules.Clean(Input.Body), Input.SubmissionKey, Input.NeedsGroundRules);
            TempData["Success"] = "Your thread has been posted";
            return Redirect(PortalPaths.ForumThread(Community.Slug, post.ThreadId));
        }
        catch (DbUpdateException)
        {
            // The same form sent twice at once: the other send made the thread.
            db.ChangeTracker.Clear();
            var sentAtOnce = await forum.FindBySubmissionKeyAsync(Input.SubmissionKey, UserId) ?? throw new InvalidOperationException("A new thread could not be saved");
            return Redirect(PortalPaths.ForumThread(Community.Slug, sentAtOnce.ThreadId));
        }
    }
}
