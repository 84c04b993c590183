using Microsoft.AspNetCore.Identity;

namespace CopPortal.Web.Accounts;

/// <summary>
/// One spelling per mailbox: "  A@Sub.NHS.uk. " and "a@sub.nhs.uk" are the same address (the trailing dot is the
/// DNS root), so they must find, and make, the same account. Every form that takes an address uses this.
/// </summary>
public static class EmailAddresses
{
    /// <summary>Trimmed, lower case, without the trailing dot of a fully qualified domain; null stays null.</summary>
    public static string? Normalise(string? email)
    {
        if (email is null)
        {
            return null;
        }
        var trimmed = email.Trim().ToLowerInvariant();
        var at = trimmed.LastIndexOf('@');
        return at < 0 ? trimmed : trimmed[..(at + 1)] + trimmed[(at + 1)..].TrimEnd('.');
    }
}

/// <summary>
/// Identity's lookup keys (NormalizedEmail, NormalizedUserName) built from the normalised address, so even an
/// address that reaches Identity unnormalised cannot make a second account for the same mailbox.
/// </summary>
public sealed class EmailLookupNormalizer : ILookupNormalizer
{
    // Case is folded by upper-casing alone, as Identity's own normaliser does, so existing keys stay the same.
    public string? NormalizeEmail(string? email) => WithoutRootDot(email?.Trim())?.Normalize().ToUpperInvariant();

    public string? NormalizeName(string? name) => name is not null && name.Contains('@', StringComparison.Ordinal)
        ? NormalizeEmail(name)
        : name?.Normalize().ToUpperInvariant();

    private static string? WithoutRootDot(string? email) =>
        email is not null && email.Contains('@', StringComparison.Ordinal) ? email.TrimEnd('.') : email;
}
