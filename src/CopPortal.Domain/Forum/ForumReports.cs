using CopPortal.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Forum;

public sealed record ReportRow(int Id, string CommunitySlug, string CommunityName, int ThreadId, string ThreadTitle, int PostId, string PostAuthor, bool PostRemoved,
    string ReporterName, string Reason, DateTimeOffset CreatedAt, DateTimeOffset? ResolvedAt, ForumReportOutcome? Outcome, string? ActionNote);

/// <summary>The report queues: one CoP's (its core team) and the whole network's (staff), open ones oldest first.</summary>
public sealed class ForumReportQueue(CopDbContext db)
{
    public const int PageSize = 25;

    public IQueryable<ForumReport> Open(int? communityId) =>
        db.ForumReports.AsNoTracking().Where(r => r.ResolvedAt == null && (communityId == null || r.CommunityId == communityId));

    public IQueryable<ForumReport> Resolved(int? communityId) =>
        db.ForumReports.AsNoTracking().Where(r => r.ResolvedAt != null && (communityId == null || r.CommunityId == communityId));

    public Task<List<ReportRow>> RowsAsync(IQueryable<ForumReport> reports, bool newestFirst, int skip, CancellationToken cancellationToken = default) =>
        (newestFirst ? reports.OrderByDescending(r => r.ResolvedAt).ThenByDescending(r => r.Id) : reports.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id))
            .Skip(skip).Take(PageSize)
            .Select(r => new ReportRow(r.Id,
                db.Communities.Where(c => c.Id == r.CommunityId).Select(c => c.Slug).First(),
                db.Communities.Where(c => c.Id == r.CommunityId).Select(c => c.Name).First(),
                r.Post!.ThreadId, r.Post.Thread!.Title, r.PostId, r.Post.Author!.DisplayName, r.Post.RemovedAt != null,
                r.Reporter!.DisplayName, r.Reason, r.CreatedAt, r.ResolvedAt, r.Outcome, r.ActionNote))
            .ToListAsync(cancellationToken);

    public static string OutcomeText(ForumReportOutcome? outcome) => outcome switch
    {
        ForumReportOutcome.PostRemoved => "Post removed",
        ForumReportOutcome.PostEdited => "Post edited",
        ForumReportOutcome.NoAction => "No action needed",
        _ => "Open",
    };
}
