using CopPortal.Domain.Data;
using CopPortal.Domain.Escalations;
using CopPortal.Domain.Links;
using CopPortal.Web.Infrastructure.Pdf;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CopPortal.Web.Pages.Council.Escalations;

/// <summary>The quarterly report's print view (also where the PDF link falls back to without Chromium).</summary>
public class QuarterlyModel(CopDbContext db, TimeProvider clock) : PageModel
{
    public QuarterlyReport Report { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string? quarter)
    {
        this.IsPrintMode(true);
        Report = await QuarterlyReport.LoadAsync(db, Quarter.Parse(quarter) ?? Quarter.Of(clock.GetUtcNow()), clock.GetUtcNow());
        return Page();
    }
}

/// <summary>The quarterly report as a PDF, made from the same partial through the PDF service.</summary>
public class QuarterlyPdfModel(CopDbContext db, TimeProvider clock, PdfService pdf) : PageModel
{
    public QuarterlyReport Report { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string? quarter)
    {
        var q = Quarter.Parse(quarter) ?? Quarter.Of(clock.GetUtcNow());
        Report = await QuarterlyReport.LoadAsync(db, q, clock.GetUtcNow());
        return await this.RenderAsPdfAsync(pdf, $"triple-a-{q.Key}.pdf", PortalPaths.CouncilQuarterlyPrint(q.Key));
    }
}
