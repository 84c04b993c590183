using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Time;
using CopPortal.Web.Infrastructure;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Pdf;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CopPortal.Web.Pages.Communities;

/// <summary>
/// A CoP's Terms of Reference: public, because prospective members read them before applying.
/// The same page is the print view (?print=true) that the PDF is made from.
/// </summary>
public class TermsModel(CopDbContext db, PortalOptions portal, IPdfRenderer pdf, TimeProvider clock) : PageModel
{
    public TermsView View { get; private set; } = default!;
    public CommunityContext Context { get; private set; } = default!;
    public List<TermsHistoryRow> History { get; private set; } = [];
    public bool Print { get; private set; }
    public bool PdfAvailable => pdf.IsAvailable;
    public bool ReviewDue { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, bool print = false)
    {
        var context = await CommunityContext.LoadAsync(db, slug, User);
        if (context is null || !context.IsVisible)
        {
            return NotFound();
        }
        Context = context;
        var view = await TermsView.LoadAsync(db, context.Community, context.Community.CurrentTermsVersion, portal.NetworkRegion);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        Print = this.IsPrintMode(print);
        if (!Print)
        {
            History = await TermsView.HistoryAsync(db, context.Community.Id);
        }
        ReviewDue = view.Terms.ReviewDueOn <= LondonTime.Today(clock).AddDays(TermsReviewReminders.DaysBefore);
        return Page();
    }
}
