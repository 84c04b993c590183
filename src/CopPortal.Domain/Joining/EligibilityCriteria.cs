using System.Text.Json;
using CopPortal.Domain.People;

namespace CopPortal.Domain.Joining;

/// <summary>
/// A CoP's eligibility, part of its Terms of Reference. Stored as JSON on each ToR version so that a
/// join request can always be read against the exact criteria it was checked with.
/// Empty lists mean "no restriction".
/// </summary>
public class EligibilityCriteria
{
    public List<int> ProfessionIds { get; set; } = [];
    public List<CareerStage> CareerStages { get; set; } = [];

    /// <summary>e.g. "Most senior psychological professional in the organisation". Needs a reviewer's judgement.</summary>
    public string? SeniorityRequirement { get; set; }
    public RegionRule RegionRule { get; set; } = RegionRule.AnyRegion;

    /// <summary>The region "in region" means; usually the network's own.</summary>
    public string? Region { get; set; }

    /// <summary>e.g. "Physical healthcare". Needs a reviewer's judgement unless the applicant says no.</summary>
    public string? SettingRequirement { get; set; }
    public OrganisationRequirements Organisation { get; set; } = new();

    /// <summary>Statements the applicant must answer "yes" to.</summary>
    public List<string> RequiredDeclarations { get; set; } = [];

    /// <summary>Free-text questions a reviewer reads ("What will you bring to the community?").</summary>
    public List<string> Questions { get; set; } = [];
    public ApplicationWindow? Window { get; set; }

    /// <summary>Maximum number of members; null for no limit. When full, approvals join a waiting list.</summary>
    public int? Capacity { get; set; }

    public EligibilityCriteria Clone() =>
        JsonSerializer.Deserialize<EligibilityCriteria>(JsonSerializer.Serialize(this))!;
}

public enum RegionRule
{
    AnyRegion = 0,
    InRegionOnly = 1,

    /// <summary>Out of region allowed when the applicant has no similar CoP in their own region (judged by a reviewer).</summary>
    OutOfRegionIfNoLocalCoP = 2,
}

public class OrganisationRequirements
{
    public bool MustRepresentOrganisation { get; set; }
    public bool MustBeBasedInEngland { get; set; }
    public bool MustDeliverHealthOrSocialCare { get; set; }

    /// <summary>Organisation types that cannot apply, e.g. "Organisations whose sole purpose is religious".</summary>
    public List<string> ExcludedOrganisationTypes { get; set; } = [];

    public bool Any => MustRepresentOrganisation || MustBeBasedInEngland || MustDeliverHealthOrSocialCare || ExcludedOrganisationTypes.Count > 0;
}

public class ApplicationWindow
{
    public DateOnly Opens { get; set; }
    public DateOnly Closes { get; set; }
    public DateOnly? DecisionBy { get; set; }

    public bool IsOpenOn(DateOnly day) => day >= Opens && day <= Closes;
}
