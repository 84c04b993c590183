using CopPortal.Domain.Data;
using CopPortal.Domain.Forum;
using CopPortal.Domain.Links;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Files;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Forms.Validators;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities.Forum;

/// <summary>A member starts a thread: a title and the first post. Rate-limited; the same form sent twice makes one thread.</summary>
[CommunityOperation(nameof(CommunityOperations.ViewMemberContent))]
[UploadTooLarge(Files = ForumAttachment.MaxPerPost)]
public class NewModel(CopDbContext db, ForumService forum, ForumAttachmentUploads attachments) : ForumPageModel
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
        ForumAttachmentUploads.CheckCount(Input.Files, ModelState);
        if (ModelState.IsValid && await forum.OverRateLimitAsync(UserId))
        {
            ModelState.AddModelError("", forum.RateLimitMessage);
        }
        ForumAttachmentUploads.AskAgainIfRefused(Input.Files, ModelState);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // Files are stored only once everything else is right, so a refused form leaves none behind.
        if (await attachments.SaveAllAsync(Input.Files, ModelState, HttpContext.RequestAborted) is not { } files)
        {
            return Page();
        }
        try
        {
            var post = await forum.StartThreadAsync(Community.Id, UserId, FieldRules.Clean(Input.Title), FieldRules.Clean(Input.Body), Input.SubmissionKey, Input.NeedsGroundRules,
                ForumAttachmentUploads.Describe(files));
            TempData["Success"] = "Your thread has been posted";
            return Redirect(PortalPaths.ForumThread(Community.Slug, post.ThreadId));
        }
        catch (DbUpdateException)
        {
            await attachments.DiscardAsync(files);
            // The same form sent twice at once: the other send made the thread.
            db.ChangeTracker.Clear();
            var sentAtOnce = await forum.FindBySubmissionKeyAsync(Input.SubmissionKey, UserId) ?? throw new InvalidOperationException("A new thread could not be saved");
            return Redirect(PortalPaths.ForumThread(Community.Slug, sentAtOnce.ThreadId));
        }
        catch
        {
            await attachments.DiscardAsync(files);
            throw;
        }
    }
}
