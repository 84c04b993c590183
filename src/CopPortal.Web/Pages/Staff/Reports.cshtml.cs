using CopPortal.Domain.Forum;
using CopPortal.Domain.Links;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Staff;

/// <summary>Reported forum posts across the network, for the network team: each opens the CoP's report page to resolve it.</summary>
public class ReportsModel(ForumReportQueue queue) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public List<ReportRow> Open { get; private set; } = [];
    public Pager Pager { get; private set; } = default!;

    public async Task OnGetAsync()
    {
        var open = queue.Open(null);
        Pager = new Pager(PageNumber, ForumReportQueue.PageSize, await open.CountAsync(), PortalPaths.StaffReports, new Dictionary<string, string?>());
        Open = await queue.RowsAsync(open, newestFirst: false, Pager.Skip);
    }
}
