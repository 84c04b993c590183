using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Minutes;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Pdf;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CopPortal.Web.Pages.Communities.Meetings;

/// <summary>The agenda's print view through the PDF service (members: published agendas only, as on screen).</summary>
[CommunityOperation(nameof(CommunityOperations.ViewMemberContent))]
public class AgendaPdfModel(CopDbContext db, MinutesService minutes, IPdfRenderer renderer, PdfService pdf) : AgendaPageBase(db, minutes, renderer)
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        await LoadAsync(id);
        Print = true;
        if (!Visible)
        {
            return NotFound();
        }
        return await this.RenderAsPdfAsync(pdf, $"{Community.Slug}-agenda-{FileDate(Meeting.StartsAt)}.pdf", PortalPaths.MeetingAgendaPrint(Community.Slug, id));
    }

    /// <summary>The meeting's London date for a file name, e.g. 2026-12-03.</summary>
    internal static string FileDate(DateTimeOffset at) =>
        CopPortal.Domain.Time.LondonTime.ToLondon(at).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
