using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Web.Infrastructure;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Pdf;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CopPortal.Web.Pages.Communities;

/// <summary>The ToR's print view through the PDF service: the same document partial as the screen page.</summary>
[CommunityOperation(nameof(CommunityOperations.ViewCommunity))]
public class TermsPdfModel(CopDbContext db, PortalOptions portal, PdfService pdf) : CommunityPageModel
{
    public TermsView View { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        var view = await TermsView.LoadAsync(db, Community, Community.CurrentTermsVersion, portal.NetworkRegion);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        return await this.RenderAsPdfAsync(pdf, $"{slug}-terms-of-reference.pdf", PortalPaths.TermsPrint(slug));
    }
}
