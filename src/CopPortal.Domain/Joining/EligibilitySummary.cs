using System.Globalization;
using CopPortal.Domain.People;
using CopPortal.Domain.Time;

namespace CopPortal.Domain.Joining;

/// <summary>One line of a readable eligibility summary, e.g. ("Region", "Midlands only").</summary>
public sealed record EligibilityLine(string Label, string Text)
{
    public override string ToString() => $"{Label}: {Text}";
}

/// <summary>
/// Turns a ToR's structured eligibility criteria into plain English for prospective members and for
/// the people reviewing their requests. Used by the ToR page, its PDF and the joining flow.
/// </summary>
public static class EligibilitySummary
{
    /// <param name="criteria">The criteria of one ToR version.</param>
    /// <param name="professionNames">Display names by profession id (ids not found are skipped).</param>
    /// <param name="defaultRegion">The network's region, used when the criteria name none.</param>
    public static IReadOnlyList<EligibilityLine> Lines(EligibilityCriteria criteria, IReadOnlyDictionary<int, string> professionNames, string? defaultRegion = null)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(professionNames);
        var lines = new List<EligibilityLine>();

        var professions = criteria.ProfessionIds.Distinct()
            .Where(professionNames.ContainsKey)
            .Select(id => professionNames[id])
            .ToList();
        lines.Add(new("Open to", professions.Count == 0 ? "People in any profession" : string.Join(", ", professions)));

        if (criteria.CareerStages.Count > 0)
        {
            var stages = criteria.CareerStages.Distinct().Order().Select(s => CareerStages.Label(s).ToLowerInvariant()).ToList();
            lines.Add(new("Career stages", Capitalise(JoinWithAnd(stages))));
        }

        if (!string.IsNullOrWhiteSpace(criteria.SeniorityRequirement))
        {
            lines.Add(new("Seniority", criteria.SeniorityRequirement.Trim()));
        }

        var region = string.IsNullOrWhiteSpace(criteria.Region) ? defaultRegion : criteria.Region.Trim();
        lines.Add(new("Region", criteria.RegionRule switch
        {
            RegionRule.InRegionOnly => region is null ? "People in the network's region only" : $"People in {Regions.InSentence(region)} only",
            RegionRule.OutOfRegionIfNoLocalCoP => region is null
                ? "People in the network's region. People from other regions may join if there is no similar community in their own region."
                : $"People in {Regions.InSentence(region)}. People outside {Regions.InSentence(region)} may join if there is no similar community in their own region.",
            _ => "People in any region",
        }));

        if (!string.IsNullOrWhiteSpace(criteria.SettingRequirement))
        {
            lines.Add(new("Setting", $"You must work in {LowerFirst(criteria.SettingRequirement.Trim())}"));
        }

        var organisation = criteria.Organisation;
        if (organisation.Any)
        {
            var musts = new List<string>();
            if (organisation.MustRepresentOrganisation)
            {
                musts.Add("represent an organisation, not apply as an individual");
            }
            if (organisation.MustBeBasedInEngland)
            {
                musts.Add("be based in England");
            }
            if (organisation.MustDeliverHealthOrSocialCare)
            {
                musts.Add("deliver health or social care, or both");
            }
            var text = musts.Count == 0 ? "" : $"Your organisation must {JoinWithAnd(musts)}.";
            if (organisation.ExcludedOrganisationTypes.Count > 0)
            {
                text = (text + $" Not open to: {string.Join("; ", organisation.ExcludedOrganisationTypes.Select(t => LowerFirst(t.Trim())))}.").Trim();
            }
            lines.Add(new("Organisation", text));
        }

        if (criteria.RequiredDeclarations.Count > 0)
        {
            lines.Add(new("You will be asked to confirm", string.Join("\n", criteria.RequiredDeclarations.Select(d => d.Trim()))));
        }

        if (criteria.Questions.Count > 0)
        {
            lines.Add(new("You will be asked", string.Join("\n", criteria.Questions.Select(q => q.Trim()))));
        }

        if (criteria.Window is { } window)
        {
            var text = $"Applications open from {LondonTime.Date(window.Opens)} to {LondonTime.Date(window.Closes)}.";
            if (window.DecisionBy is { } decision)
            {
                text += $" Decisions by {LondonTime.Date(decision)}.";
            }
            lines.Add(new("Application window", text));
        }

        if (criteria.Capacity is { } capacity)
        {
            lines.Add(new("Places", $"Up to {capacity.ToString(CultureInfo.InvariantCulture)} members. When it is full, people who meet the criteria join a waiting list."));
        }

        return lines;
    }

    private static string JoinWithAnd(List<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    // Keeps acronyms such as "NHS" intact; only lowers a capitalised ordinary word.
    private static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
}
