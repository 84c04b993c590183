namespace CopPortal.Domain.People;

/// <summary>A public-sector email domain whose holders may register without an invitation.</summary>
public class AllowedEmailDomain
{
    public int Id { get; set; }

    /// <summary>Lower-case domain without a leading dot, e.g. "nhs.uk" or "police.uk".</summary>
    public string Domain { get; set; } = "";

    /// <summary>When true, any sub-domain (e.g. "mft.nhs.uk" under "nhs.uk") is allowed too.</summary>
    public bool IncludeSubdomains { get; set; } = true;

    public string Description { get; set; } = "";

    public bool Allows(string emailDomain)
    {
        var candidate = emailDomain.Trim().TrimEnd('.').ToLowerInvariant();
        return candidate == Domain || (IncludeSubdomains && candidate.EndsWith("." + Domain, StringComparison.Ordinal));
    }

    public static string? DomainOf(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var at = email.LastIndexOf('@');
        return at < 1 || at == email.Length - 1 ? null : email[(at + 1)..].Trim().TrimEnd('.').ToLowerInvariant();
    }

    /// <summary>True when any of the allowed domains lets this email address register without an invitation.</summary>
    public static bool AnyAllows(IEnumerable<AllowedEmailDomain> domains, string email)
    {
        ArgumentNullException.ThrowIfNull(domains);
        var domain = DomainOf(email);
        return domain is { Length: > 0 } && domains.Any(d => d.Allows(domain));
    }

    /// <summary>
    /// Staff type domains in many shapes ("@NHS.uk", "nhs.uk."); returns the bare lower-case form,
    /// or null when it is not a plausible domain name.
    /// </summary>
    public static string? Normalise(string? input)
    {
        var value = (input ?? "").Trim().TrimStart('@').TrimEnd('.').ToLowerInvariant();
        return DomainPattern.IsMatch(value) && value.Length <= 253 ? value : null;
    }

    private static readonly System.Text.RegularExpressions.Regex DomainPattern = new(
        @"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));
}
