using CopPortal.Domain.Forum;
using CopPortal.Domain.Links;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Security;
using CopPortal.Web.Pages.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities.Forum;

/// <summary>The CoP's reported posts for its core team (and staff): open ones oldest first, then recently resolved ones.</summary>
[CommunityOperation(nameof(CommunityOperations.RunCommunity))]
public class ReportsModel(ForumReportQueue queue) : ForumPageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public List<ReportRow> Open { get; private set; } = [];
    public List<ReportRow> Resolved { get; private set; } = [];
    public Pager Pager { get; private set; } = default!;

    public async Task OnGetAsync()
    {
        var open = queue.Open(Community.Id);
        Pager = new Pager(PageNumber, ForumReportQueue.PageSize, await open.CountAsync(), PortalPaths.ForumReports(Community.Slug), new Dictionary<string, string?>());
        Open = await queue.RowsAsync(open, newestFirst: false, Pager.Skip);
        Resolved = await queue.RowsAsync(queue.Resolved(Community.Id), newestFirst: true, 0);
    }
}

/// <summary>A table of reports (the CoP's or the network's queue).</summary>
public sealed record ReportTable(IReadOnlyList<ReportRow> Rows, bool ShowCommunity, string Caption)
{
    public const string ResolvedCaption = "Recently resolved";

    public static string OpenCaption(int total) => total == 1 ? "1 open report" : $"{total} open reports";
}
