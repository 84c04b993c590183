using System.Globalization;
using System.Text;
using CopPortal.Domain.Time;

namespace CopPortal.Web.Infrastructure;

/// <summary>
/// Plain words for the internal names staff pages would otherwise show: property names in the audit log
/// ("InformationRequestedById"), email kinds in the outbox ("join-request.information-requested") and stored
/// times (ISO 8601, UTC), which are shown in UK time as the rest of the portal shows them.
/// </summary>
public static class StaffDisplay
{
    // Names whose words alone would mislead or read awkwardly.
    private static readonly Dictionary<string, string> Properties = new(StringComparer.Ordinal)
    {
        ["InformationRequestedById"] = "Information requested by",
        ["DecidedById"] = "Decided by",
        ["InvitedById"] = "Invited by",
        ["UpdatedById"] = "Updated by",
        ["ApplicantId"] = "Applicant",
        ["UserId"] = "Person",
        ["InQueue"] = "In the staff queue",
        ["PrecheckOutcome"] = "Pre-check outcome",
        ["PrecheckResults"] = "Pre-check results",
        ["TermsVersionId"] = "Terms of Reference version",
        ["CurrentTermsVersion"] = "Current Terms of Reference version",
        ["TermsReviewDueOn"] = "Terms of Reference review due",
        ["SubmittedWeekOf"] = "Week sent",
        ["EmailConfirmed"] = "Email address confirmed",
        ["LockoutEnd"] = "Locked out until",
        ["AccessFailedCount"] = "Failed sign-in attempts",
        ["NormalizedEmail"] = "Email address (for matching)",
        ["NormalizedUserName"] = "User name (for matching)",
    };

    /// <summary>"InformationRequestedAt" → "Information requested at"; "CommunityId" → "Community".</summary>
    public static string Property(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Properties.TryGetValue(name, out var label))
        {
            return label;
        }
        var trimmed = name.Length > 2 && name.EndsWith("Id", StringComparison.Ordinal) ? name[..^2] : name;
        var words = new StringBuilder();
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (i > 0 && char.IsUpper(c) && !char.IsUpper(trimmed[i - 1]))
            {
                words.Append(' ');
            }
            words.Append(i == 0 ? c : char.ToLowerInvariant(c));
        }
        return words.ToString();
    }

    /// <summary>"join-request.information-requested" → "Join request: information requested".</summary>
    public static string MessageKind(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var parts = kind.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Replace('-', ' ')).ToList();
        if (parts.Count == 0)
        {
            return kind;
        }
        var text = string.Join(": ", parts);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>A stored value as a reader expects it: an ISO time in UK time, anything else as it is.</summary>
    public static string Value(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length >= 19 && value[4] == '-' && value[10] == 'T'
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return LondonTime.DateTime(time);
        }
        return value;
    }
}
