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
        var at = email.LastIndexOf('@');
        return at < 1 || at == email.Length - 1 ? null : email[(at + 1)..].Trim().ToLowerInvariant();
    }
}
