using CopPortal.Domain.Data;
using CopPortal.Web.Infrastructure;
using CopPortal.Web.Infrastructure.Communities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CopPortal.Web.Pages.Communities;

/// <summary>An earlier ToR version, read-only, so anyone can see what applied when.</summary>
public class TermsVersionModel(CopDbContext db, PortalOptions portal) : PageModel
{
    public TermsView View { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string slug, int number)
    {
        var context = await CommunityContext.LoadAsync(db, slug, User);
        if (context is null || !context.IsVisible)
        {
            return NotFound();
        }
        var view = await TermsView.LoadAsync(db, context.Community, number, portal.NetworkRegion);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }
}
