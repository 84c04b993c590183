using Microsoft.AspNetCore.Identity;

namespace CopPortal.Domain.People;

/// <summary>A person with an account. Every post, upload and decision carries their real name.</summary>
public class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public string? JobTitle { get; set; }
    public int? ProfessionId { get; set; }
    public Profession? Profession { get; set; }
    public string? Organisation { get; set; }
    public string? Region { get; set; }
    public CareerStage? CareerStage { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when the account came from an invitation rather than an allowed email domain.</summary>
    public Guid? InvitationId { get; set; }

    /// <summary>
    /// Set when the account was closed: its personal data has been removed and nobody can sign in to it.
    /// The row stays so the person's past contributions keep a (non-identifying) author.
    /// </summary>
    public DateTimeOffset? ClosedAt { get; set; }
}

public enum CareerStage
{
    Student = 1,
    Trainee = 2,
    Qualified = 3,
    Senior = 4,
    Lead = 5,
    EducationProvider = 6,
}

public static class CareerStages
{
    public static string Label(CareerStage stage) => stage switch
    {
        CareerStage.Student => "Student",
        CareerStage.Trainee => "Trainee",
        CareerStage.Qualified => "Qualified",
        CareerStage.Senior => "Senior",
        CareerStage.Lead => "Lead",
        CareerStage.EducationProvider => "Education provider",
        _ => stage.ToString(),
    };

    public static IReadOnlyList<CareerStage> All { get; } = Enum.GetValues<CareerStage>();
}

/// <summary>The NHS England regions; a CoP's region rule is judged against these.</summary>
public static class Regions
{
    public static IReadOnlyList<string> All { get; } =
    [
        "East of England",
        "London",
        "Midlands",
        "North East and Yorkshire",
        "North West",
        "South East",
        "South West",
        "Outside England",
    ];

    /// <summary>A region as it reads in a sentence: "the Midlands", "London", "outside England".</summary>
    public static string InSentence(string region) => region switch
    {
        "London" => "London",
        "Outside England" => "outside England",
        _ => "the " + region,
    };
}

/// <summary>A profession from the network-managed list (e.g. Psychological Wellbeing Practitioner).</summary>
public class Profession
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Abbreviation { get; set; }
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;

    public string DisplayName => string.IsNullOrEmpty(Abbreviation) ? Name : $"{Name} ({Abbreviation})";
}

public static class NetworkRoles
{
    public const string NetworkStaff = "NetworkStaff";
    public const string CouncilMember = "CouncilMember";

    public static IReadOnlyList<string> All { get; } = [NetworkStaff, CouncilMember];
}
