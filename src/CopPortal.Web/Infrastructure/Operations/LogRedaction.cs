using System.Text.RegularExpressions;

namespace CopPortal.Web.Infrastructure.Operations;

/// <summary>Takes email addresses out of text bound for the logs (SMTP servers quote the recipient in their refusals).</summary>
public static partial class LogRedaction
{
    public static string WithoutAddresses(string? text) => text is null ? "" : Address().Replace(text, "(address)");

    [GeneratedRegex(@"[^\s<>""'(),;:]+@[^\s<>""'(),;:]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Address();
}
