using System.Security.Claims;
using CopPortal.Domain.Data;
using CopPortal.Domain.Library;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Files;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities.Library;

/// <summary>
/// One version's file, authorised on every request (members and staff; a suggestion only for the core team and its
/// sender), sent as an attachment with nosniff. A document of another CoP, or a deleted one, is a 404.
/// </summary>
[CommunityOperation(nameof(CommunityOperations.ViewMemberContent))]
public class DownloadModel(CopDbContext db, IFileStore store) : CommunityPageModel
{
    public async Task<IActionResult> OnGetAsync(int documentId, int version)
    {
        var document = await LoadChildAsync(db.LibraryDocuments.AsNoTracking().Where(d => d.DeletedAt == null), documentId);
        if (document.Status != LibraryDocumentStatus.Published && !May(nameof(CommunityOperations.RunCommunity))
            && document.SuggestedById != User.FindFirstValue(ClaimTypes.NameIdentifier))
        {
            return NotFound();
        }
        var file = await db.LibraryDocumentVersions.AsNoTracking().FirstOrDefaultAsync(v => v.DocumentId == document.Id && v.Number == version);
        return file is null ? NotFound() : FileDownload.Send(Response, store, file.StoredName, file.FileName, file.ContentType);
    }
}
