using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Time;
using CopPortal.Web.Infrastructure;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Pdf;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CopPortal.Web.Pages.Communities;

/// <summary>
/// A CoP's Terms of Reference: public, because prospective members read them before applying.
/// The same page is the print view (?print=true) that the PDF is made from.
/// </summary>
[CommunityOperation(nameof(CommunityOperations.ViewCommunity))]
public class TermsModel(CopDbContext db, PortalOptions portal, IPdfRenderer pdf, TimeProvider clock) : CommunityPageModel
{
    public TermsView View { get; private set; } = default!;
    public List<TermsHistoryRow> History { get; private set; } = [];
    public bool Print { get; private set; }
    public bool PdfAvailable => pdf.IsAvailable;
    public bool ReviewDue { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool print = false)
    {
        var view = await TermsView.LoadAsync(db, Community, Community.CurrentTermsVersion, portal.NetworkRegion);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        Print = this.IsPrintMode(print);
        if (!Print)
        {
            History = await TermsView.HistoryAsync(db, Community.Id);
        }
        ReviewDue = view.Terms.ReviewDueOn <= LondonTime.Today(clock).AddDays(TermsReviewReminders.DaysBefore);
        return Page();
    }
}
