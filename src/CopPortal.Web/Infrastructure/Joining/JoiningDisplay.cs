using System.Text.Encodings.Web;
using CopPortal.Domain.Joining;
using CopPortal.Domain.People;
using Microsoft.AspNetCore.Html;

namespace CopPortal.Web.Infrastructure.Joining;

/// <summary>Labels and NHS.UK tags for join requests, and the plain-English "who can join" lines.</summary>
public static class JoiningDisplay
{
    public static string StatusLabel(JoinRequestStatus status) => status switch
    {
        JoinRequestStatus.Pending => "Pending",
        JoinRequestStatus.InformationRequested => "Information requested",
        JoinRequestStatus.Approved => "Approved",
        JoinRequestStatus.Declined => "Declined",
        JoinRequestStatus.Withdrawn => "Withdrawn",
        JoinRequestStatus.WaitingList => "Waiting list",
        _ => status.ToString(),
    };

    public static IHtmlContent StatusTag(JoinRequestStatus status) => Tag(StatusLabel(status), status switch
    {
        JoinRequestStatus.Pending => "blue",
        JoinRequestStatus.InformationRequested => "orange",
        JoinRequestStatus.Approved => "green",
        JoinRequestStatus.Declined => "red",
        JoinRequestStatus.WaitingList => "purple",
        _ => "grey",
    });

    public static string OutcomeLabel(PrecheckOutcome outcome) => outcome switch
    {
        PrecheckOutcome.Met => "Met",
        PrecheckOutcome.NeedsJudgement => "Needs judgement",
        PrecheckOutcome.NotMet => "Not met",
        _ => outcome.ToString(),
    };

    public static IHtmlContent OutcomeTag(PrecheckOutcome outcome) => Tag(OutcomeLabel(outcome), outcome switch
    {
        PrecheckOutcome.Met => "green",
        PrecheckOutcome.NeedsJudgement => "yellow",
        _ => "red",
    });

    /// <summary>Query-string values for the queue filters.</summary>
    public static string OutcomeKey(PrecheckOutcome outcome) => outcome switch
    {
        PrecheckOutcome.Met => "met",
        PrecheckOutcome.NeedsJudgement => "needs-judgement",
        _ => "not-met",
    };

    public static string StatusKey(JoinRequestStatus status) => status switch
    {
        JoinRequestStatus.InformationRequested => "information-requested",
        JoinRequestStatus.WaitingList => "waiting-list",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>"the Midlands", "London", "outside England".</summary>
    public static string Place(string region) => region switch
    {
        "London" => "London",
        "Outside England" => "outside England",
        _ => "the " + region,
    };

    private static HtmlString Tag(string text, string colour) =>
        new($"<strong class=\"nhsuk-tag nhsuk-tag--{colour}\">{HtmlEncoder.Default.Encode(text)}</strong>");

    /// <summary>The criteria as short plain-English lines for applicants.</summary>
    public static List<string> WhoCanJoin(EligibilityCriteria criteria, IReadOnlyDictionary<int, string> professions, string networkRegion)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(professions);
        var lines = new List<string>();
        var region = string.IsNullOrWhiteSpace(criteria.Region) ? networkRegion : criteria.Region;
        if (criteria.ProfessionIds.Count > 0)
        {
            lines.Add("Professions: " + string.Join(", ", criteria.ProfessionIds.Select(id => professions.GetValueOrDefault(id, "unknown profession"))));
        }
        if (criteria.CareerStages.Count > 0)
        {
            lines.Add("Career stages: " + string.Join(", ", criteria.CareerStages.Select(s => CareerStages.Label(s).ToLowerInvariant())));
        }
        if (!string.IsNullOrWhiteSpace(criteria.SeniorityRequirement))
        {
            lines.Add("Seniority: " + criteria.SeniorityRequirement);
        }
        lines.Add(criteria.RegionRule switch
        {
            RegionRule.InRegionOnly => $"Region: people who work in {Place(region)}",
            RegionRule.OutOfRegionIfNoLocalCoP => $"Region: people who work in {Place(region)}, or in another region that has no similar community",
            _ => "Region: people from any region",
        });
        if (!string.IsNullOrWhiteSpace(criteria.SettingRequirement))
        {
            lines.Add("Setting: " + criteria.SettingRequirement);
        }
        if (criteria.Organisation.MustRepresentOrganisation)
        {
            lines.Add("You must represent an organisation, not apply as an individual");
        }
        if (criteria.Organisation.MustBeBasedInEngland)
        {
            lines.Add("Your organisation must be based in England");
        }
        if (criteria.Organisation.MustDeliverHealthOrSocialCare)
        {
            lines.Add("Your organisation must deliver health or social care services");
        }
        if (criteria.Organisation.ExcludedOrganisationTypes.Count > 0)
        {
            lines.Add("Not open to: " + string.Join("; ", criteria.Organisation.ExcludedOrganisationTypes));
        }
        if (criteria.Capacity is int capacity)
        {
            lines.Add($"Up to {capacity} members");
        }
        return lines;
    }
}
