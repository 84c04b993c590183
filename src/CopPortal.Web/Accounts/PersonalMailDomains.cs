namespace CopPortal.Web.Accounts;

/// <summary>
/// Free personal email services. Anyone can get an address on them, so allowing one lets anyone register without
/// an invitation; staff must confirm that on purpose. A domain that contains one of these (for example "com") is
/// just as open, because allowed domains include their sub-domains.
/// </summary>
public static class PersonalMailDomains
{
    // Exact domains, and providers whose country variants all count (hotmail.co.uk, yahoo.fr ...).
    private static readonly string[] Exact =
    [
        "gmail.com", "googlemail.com", "outlook.com", "icloud.com", "me.com", "mac.com", "aol.com", "msn.com",
        "protonmail.com", "proton.me", "pm.me", "ymail.com", "mail.com", "zoho.com", "btinternet.com", "sky.com",
        "virginmedia.com", "talktalk.net", "blueyonder.co.uk", "tiscali.co.uk", "ntlworld.com",
    ];

    private static readonly string[] AnyCountry = ["hotmail", "live", "yahoo", "outlook", "gmx", "aol"];

    /// <summary>The personal service this domain is, or would let in as a sub-domain; null when it is neither.</summary>
    public static string? Match(string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        domain = domain.Trim().TrimEnd('.').ToLowerInvariant();
        if (IsPersonal(domain))
        {
            return domain;
        }
        // "co.uk" or "com" would allow hotmail.co.uk or gmail.com as sub-domains.
        return domain is "co.uk" or "uk"
            ? "hotmail.co.uk"
            : Exact.FirstOrDefault(e => e.EndsWith("." + domain, StringComparison.Ordinal));
    }

    private static bool IsPersonal(string domain)
    {
        if (Exact.Contains(domain))
        {
            return true;
        }
        var first = domain.Split('.')[0];
        return AnyCountry.Contains(first) && domain.Contains('.', StringComparison.Ordinal);
    }
}
