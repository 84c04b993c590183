using CopPortal.Domain.Data;
using CopPortal.Domain.Forum;
using CopPortal.Domain.Links;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Forms.Validators;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities.Forum;

/// <summary>One report: the post, the reason, and (while open) the moderator's decision, recorded and emailed to the post's author.</summary>
[CommunityOperation(nameof(CommunityOperations.RunCommunity))]
public class ReportModel(CopDbContext db, ForumService forum, ForumReportQueue queue) : ForumPageModel
{
    [BindProperty(SupportsGet = true)]
    public int ReportId { get; set; }

    [BindProperty]
    public ResolveReportInput Input { get; set; } = new();

    public ReportRow Row { get; private set; } = default!;
    public string PostBody { get; private set; } = "";

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var report = await LoadAsync(tracked: true);
        if (report.ResolvedAt is not null)
        {
            ModelState.AddModelError("", "This report has already been resolved by another moderator.");
        }
        await this.ValidateInputAsync(Input);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var note = FieldRules.Clean(Input.Note);
        await forum.ResolveAsync(report, UserId, Input.Outcome!.Value, note.Length == 0 ? null : note);
        TempData["Success"] = "The report is resolved and the post's author has been told";
        return Redirect(PortalPaths.ForumReports(Community.Slug));
    }

    private async Task<ForumReport> LoadAsync(bool tracked = false)
    {
        var report = await LoadChildAsync(tracked ? db.ForumReports : db.ForumReports.AsNoTracking(), ReportId);
        Row = (await queue.RowsAsync(db.ForumReports.AsNoTracking().Where(r => r.Id == report.Id), newestFirst: false, 0)).Single();
        PostBody = await db.ForumPosts.AsNoTracking().Where(p => p.Id == report.PostId).Select(p => p.Body).FirstAsync();
        return report;
    }
}
