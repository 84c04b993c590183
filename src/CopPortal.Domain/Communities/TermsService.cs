using CopPortal.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Communities;

/// <summary>
/// Publishes Terms of Reference versions. A version is never edited: every change is a new version,
/// which becomes current, and the directory's profession filter rows are rewritten to match it.
/// </summary>
public class TermsService(CopDbContext db, TimeProvider clock)
{
    /// <summary>The version in force for a community, or null before its first.</summary>
    public Task<TermsVersion?> CurrentAsync(int communityId, CancellationToken cancellationToken = default) =>
        db.TermsVersions.CurrentOf(communityId).FirstOrDefaultAsync(cancellationToken);

    public async Task<TermsVersion> PublishAsync(Community community, TermsContent content, DateOnly reviewDueOn, string changeSummary, string? userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(content);
        var latest = community.Id == 0
            ? 0
            : await db.TermsVersions.Where(t => t.CommunityId == community.Id).MaxAsync(t => (int?)t.VersionNumber, cancellationToken) ?? 0;

        var version = new TermsVersion
        {
            Community = community,
            VersionNumber = latest + 1,
            ReviewDueOn = reviewDueOn,
            ChangeSummary = changeSummary,
            CreatedById = userId,
            CreatedAt = clock.GetUtcNow(),
        };
        version.CopyContentFrom(content);
        db.TermsVersions.Add(version);
        community.CurrentTermsVersion = version.VersionNumber;
        community.MeetingFrequencyMonths = version.MeetingFrequencyMonths;
        community.MeetingDurationMinutes = version.MeetingDurationMinutes;
        community.RegionRule = version.Eligibility.RegionRule;
        community.Capacity = version.Eligibility.Capacity;
        community.WindowOpens = version.Eligibility.Window?.Opens;
        community.WindowCloses = version.Eligibility.Window?.Closes;
        community.TermsReviewDueOn = reviewDueOn;
        community.RefreshSearchText(version.WhoFor);

        if (community.Id != 0)
        {
            await db.CommunityEligibleProfessions.Where(p => p.CommunityId == community.Id).ExecuteDeleteAsync(cancellationToken);
        }
        foreach (var professionId in version.Eligibility.ProfessionIds.Distinct())
        {
            community.EligibleProfessions.Add(new CommunityEligibleProfession { ProfessionId = professionId });
        }
        return version;
    }
}
