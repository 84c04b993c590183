using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Minutes;
using CopPortal.Web.Infrastructure;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Pdf;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CopPortal.Web.Pages.Communities.Meetings;

/// <summary>
/// The minutes' print view through the PDF service: what this viewer sees on screen (members: the latest published
/// revision). Approved and published revisions never change, so their PDF is stored per revision and served from
/// the store afterwards without starting Chromium.
/// </summary>
[CommunityOperation(nameof(CommunityOperations.ViewMemberContent))]
public class MinutesPdfModel(CopDbContext db, MinutesService service, PortalOptions portal, PdfService pdf, MinutesPdfStore store) : MinutesPageBase(db, service, portal)
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        await LoadAsync(id);
        var shown = SeesDrafts ? Current : Revisions.LastOrDefault(r => r.PublishedAt is not null);
        if (shown is null)
        {
            return NotFound();
        }
        var fileName = $"{Community.Slug}-minutes-{AgendaPdfModel.FileDate(Meeting.StartsAt)}{(shown.Revision > 1 ? $"-revision-{shown.Revision}" : "")}.pdf";
        var final = shown.Status is MinutesStatus.Approved or MinutesStatus.Published;
        if (final && await store.ReadAsync(shown.Id, shown.Revision, HttpContext.RequestAborted) is { } stored)
        {
            return File(stored, "application/pdf", fileName);
        }
        Print = true;
        await ShowAsync(shown);
        return await this.RenderAsPdfAsync(pdf, fileName, PortalPaths.MeetingMinutesPrint(Community.Slug, id),
            final ? bytes => store.SaveAsync(shown.Id, shown.Revision, bytes) : null);
    }
}
