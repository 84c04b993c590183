namespace CopPortal.Domain.Communities;

/// <summary>Which status changes staff may make to a CoP. The staff page offers and applies only these.</summary>
public static class CommunityStatusRules
{
    private static readonly HashSet<(CommunityStatus From, CommunityStatus To)> Allowed =
    [
        (CommunityStatus.Draft, CommunityStatus.Active),     // publish
        (CommunityStatus.Draft, CommunityStatus.Archived),   // abandon a draft, keeping its record
        (CommunityStatus.Active, CommunityStatus.Archived),  // archive
        (CommunityStatus.Archived, CommunityStatus.Active),  // reopen
    ];

    public static bool CanChange(CommunityStatus from, CommunityStatus to) => Allowed.Contains((from, to));
}

/// <summary>The Terms of Reference version in force: the one the community's <see cref="Community.CurrentTermsVersion"/> names.</summary>
public static class CurrentTerms
{
    /// <summary>Narrows to each community's version in force (one row per community at most).</summary>
    public static IQueryable<TermsVersion> Current(this IQueryable<TermsVersion> versions) =>
        versions.Where(t => t.VersionNumber == t.Community!.CurrentTermsVersion);

    /// <summary>The version in force for one community, or null before its first.</summary>
    public static IQueryable<TermsVersion> CurrentOf(this IQueryable<TermsVersion> versions, int communityId) =>
        versions.Where(t => t.CommunityId == communityId).Current();

    /// <summary>The same rule for a version already loaded.</summary>
    public static bool IsCurrentOf(this TermsVersion version, Community community)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(community);
        return version.CommunityId == community.Id && version.VersionNumber == community.CurrentTermsVersion;
    }
}
