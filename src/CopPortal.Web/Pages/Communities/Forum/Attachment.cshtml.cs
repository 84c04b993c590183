using CopPortal.Domain.Data;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Files;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities.Forum;

/// <summary>
/// A post's attached file, authorised on every request through the community seam (members and staff of this CoP;
/// another CoP's attachment is a 404), sent as an attachment with nosniff. A removed post's files stay for the
/// audit but only its moderators can download them; for everyone else they do not exist.
/// </summary>
[CommunityOperation(nameof(CommunityOperations.ViewMemberContent))]
public class AttachmentModel(CopDbContext db, IFileStore store) : ForumPageModel
{
    public async Task<IActionResult> OnGetAsync(int attachmentId)
    {
        var file = await LoadChildAsync(db.ForumAttachments.AsNoTracking(), attachmentId);
        var removed = await db.ForumPosts.AsNoTracking().Where(p => p.Id == file.PostId).Select(p => p.RemovedAt != null).FirstAsync();
        if (removed && !IsModerator)
        {
            return NotFound();
        }
        return FileDownload.Send(Response, store, file.StoredName, file.FileName, file.ContentType);
    }
}
