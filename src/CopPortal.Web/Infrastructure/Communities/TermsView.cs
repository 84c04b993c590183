using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Infrastructure.Communities;

/// <summary>One ToR version ready to show: the screen page, the print view, the PDF and old versions share it.</summary>
public sealed record TermsView(Community Community, TermsVersion Terms, string? CreatedByName, IReadOnlyList<EligibilityLine> Eligibility, bool IsCurrent)
{
    public static async Task<TermsView?> LoadAsync(CopDbContext db, Community community, int versionNumber, string networkRegion)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(community);
        var row = await db.TermsVersions.AsNoTracking()
            .Where(t => t.CommunityId == community.Id && t.VersionNumber == versionNumber)
            .Select(t => new { Terms = t, CreatedBy = t.CreatedBy == null ? null : t.CreatedBy.DisplayName })
            .FirstOrDefaultAsync();
        if (row is null)
        {
            return null;
        }
        var ids = row.Terms.Eligibility.ProfessionIds;
        var professions = ids.Count == 0
            ? new Dictionary<int, string>()
            : await db.Professions.AsNoTracking().Where(p => ids.Contains(p.Id))
                .ToDictionaryAsync(p => p.Id, p => p.Abbreviation == null ? p.Name : p.Name + " (" + p.Abbreviation + ")");
        var lines = EligibilitySummary.Lines(row.Terms.Eligibility, professions, networkRegion);
        return new TermsView(community, row.Terms, row.CreatedBy, lines, row.Terms.IsCurrentOf(community));
    }

    public static Task<List<TermsHistoryRow>> HistoryAsync(CopDbContext db, int communityId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.TermsVersions.AsNoTracking()
            .Where(t => t.CommunityId == communityId)
            .OrderByDescending(t => t.VersionNumber)
            .Select(t => new TermsHistoryRow(t.VersionNumber, t.CreatedAt, t.CreatedBy == null ? null : t.CreatedBy.DisplayName, t.ChangeSummary))
            .ToListAsync();
    }
}

public sealed record TermsHistoryRow(int VersionNumber, DateTimeOffset CreatedAt, string? CreatedByName, string ChangeSummary);
