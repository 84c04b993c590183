using System.Linq.Expressions;
using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using CopPortal.Domain.People;

namespace CopPortal.Domain.Communities;

/// <summary>A community of practice run by the network.</summary>
public class Community
{
    public int Id { get; set; }

    /// <summary>Lower-case, unique, used in URLs: /communities/{slug}.</summary>
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>One or two sentences for the directory: who it is for and its focus.</summary>
    public string Summary { get; set; } = "";
    public CommunityStatus Status { get; set; } = CommunityStatus.Draft;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ArchivedAt { get; set; }

    /// <summary>Number of the ToR version in force (0 before the first is published).</summary>
    public int CurrentTermsVersion { get; set; }

    // Copied from the current ToR version by TermsService so the directory can list, filter and sort
    // communities from this one table.
    public int MeetingFrequencyMonths { get; set; }
    public int MeetingDurationMinutes { get; set; }
    public RegionRule RegionRule { get; set; }
    public int? Capacity { get; set; }
    public DateOnly? WindowOpens { get; set; }
    public DateOnly? WindowCloses { get; set; }
    public DateOnly? TermsReviewDueOn { get; set; }

    /// <summary>Kept in step with the membership table so the directory needs no count per row.</summary>
    public int MemberCount { get; set; }

    /// <summary>
    /// Lower-cased name, summary and the current ToR's "who it is for": the source of <see cref="SearchTerms"/>,
    /// which the directory's word search reads. Kept in step by <see cref="RefreshSearchText"/>.
    /// </summary>
    public string SearchText { get; set; } = "";

    /// <summary>Call after changing the name, summary or the current ToR's "who it is for".</summary>
    public void RefreshSearchText(string? whoFor)
    {
        var text = $"{Name} {Summary} {whoFor}".ToLowerInvariant();
        SearchText = text.Length > SearchTextMaxLength ? text[..SearchTextMaxLength] : text;
    }

    public const int SearchTextMaxLength = 4000;

    public List<TermsVersion> TermsVersions { get; set; } = [];

    /// <summary>The words of <see cref="SearchText"/>, kept in step when the community is saved.</summary>
    public List<CommunitySearchTerm> SearchTerms { get; set; } = [];
    public List<CommunityMembership> Memberships { get; set; } = [];
    public List<CommunityEligibleProfession> EligibleProfessions { get; set; } = [];
    public List<CoreTeamVacancy> Vacancies { get; set; } = [];

    /// <summary>Set when the CoP came from an accepted proposal.</summary>
    public int? ProposalId { get; set; }
}

public enum CommunityStatus
{
    Draft = 0,
    Active = 1,
    Archived = 2,
}

/// <summary>
/// The professions the current ToR admits, as rows, so the directory can filter by profession in SQL.
/// Rewritten whenever a ToR version with different professions comes into force.
/// </summary>
public class CommunityEligibleProfession
{
    public int CommunityId { get; set; }
    public int ProfessionId { get; set; }
    public Profession? Profession { get; set; }
}

/// <summary>A person's place in a CoP. Core-team roles imply membership.</summary>
public class CommunityMembership
{
    public int Id { get; set; }
    public int CommunityId { get; set; }
    public Community? Community { get; set; }
    public string UserId { get; set; } = "";
    public PortalUser? User { get; set; }
    public CommunityRole Role { get; set; } = CommunityRole.Member;
    public DateTimeOffset JoinedAt { get; set; }

    /// <summary>The join request that admitted them, if any (staff can also add people directly).</summary>
    public int? JoinRequestId { get; set; }
}

public enum CommunityRole
{
    Member = 0,
    Chair = 1,
    CoChair = 2,
    Secretary = 3,
}

public static class CommunityRoles
{
    public static string Label(CommunityRole role) => role switch
    {
        CommunityRole.Member => "Member",
        CommunityRole.Chair => "Chair",
        CommunityRole.CoChair => "Co-chair",
        CommunityRole.Secretary => "Secretary",
        _ => role.ToString(),
    };

    /// <summary>
    /// The core team: the roles that run a CoP. The one definition used by the permission rules, draft visibility,
    /// the staff role picker and the community page.
    /// </summary>
    public static IReadOnlyList<CommunityRole> CoreTeam { get; } = [CommunityRole.Chair, CommunityRole.CoChair, CommunityRole.Secretary];

    public static bool IsCoreTeam(CommunityRole? role) => role is { } r && CoreTeam.Contains(r);

    /// <summary>
    /// Core-team memberships as a query filter: named roles joined by OR (not "!= Member") so the
    /// (CommunityId, Role) index finds the few core-team rows among thousands of members.
    /// </summary>
    public static Expression<Func<CommunityMembership, bool>> CoreTeamFilter { get; } = RuleExpressions.AnyOf<CommunityMembership, CommunityRole>(m => m.Role, CoreTeam);

}

/// <summary>An open core-team role, e.g. "this CoP is looking for a secretary".</summary>
public class CoreTeamVacancy : ICommunityOwned
{
    string? ICommunityOwned.AuthorId => null;

    public int Id { get; set; }
    public int CommunityId { get; set; }
    public Community? Community { get; set; }
    public CommunityRole Role { get; set; }
    public string Description { get; set; } = "";
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public List<VacancyInterest> Interests { get; set; } = [];
}

public class VacancyInterest
{
    public int Id { get; set; }
    public int VacancyId { get; set; }
    public CoreTeamVacancy? Vacancy { get; set; }
    public string UserId { get; set; } = "";
    public PortalUser? User { get; set; }
    public string? Message { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
