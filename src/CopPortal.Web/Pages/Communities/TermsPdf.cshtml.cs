using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Web.Infrastructure;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Pdf;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CopPortal.Web.Pages.Communities;

/// <summary>The ToR's print view through the PDF service: the same document partial as the screen page.</summary>
public class TermsPdfModel(CopDbContext db, PortalOptions portal, PdfService pdf) : PageModel
{
    public TermsView View { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        var context = await CommunityContext.LoadAsync(db, slug, User);
        if (context is null || !context.IsVisible)
        {
            return NotFound();
        }
        var view = await TermsView.LoadAsync(db, context.Community, context.Community.CurrentTermsVersion, portal.NetworkRegion);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        return await this.RenderAsPdfAsync(pdf, $"{slug}-terms-of-reference.pdf", PortalPaths.TermsPrint(slug));
    }
}
