using System.Text;
using System.Text.RegularExpressions;

namespace CopPortal.Domain.Communities;

/// <summary>URL slugs: lower-case letters, digits and single hyphens, e.g. "psychological-practitioners".</summary>
public static partial class Slugs
{
    public const int MaxLength = 80;

    /// <summary>Words used by fixed pages beside /communities/{slug} and /staff/communities/{slug}.</summary>
    public static bool IsReserved(string slug) => slug is "propose" or "new" or "template";

    public static bool IsValid(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= MaxLength && SlugPattern().IsMatch(slug);

    /// <summary>A slug suggested from a name: "Children's Wellbeing (CYP)" → "childrens-wellbeing-cyp".</summary>
    public static string FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder();
        var pendingHyphen = false;
        foreach (var ch in name.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }
                builder.Append(ch);
                pendingHyphen = false;
            }
            else if (ch is '\'' or '\u2019' || char.GetUnicodeCategory(ch) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                // Apostrophes and accents join letters rather than split words.
            }
            else
            {
                pendingHyphen = true;
            }
        }
        var slug = builder.ToString();
        return slug.Length > MaxLength ? slug[..MaxLength].TrimEnd('-') : slug;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
