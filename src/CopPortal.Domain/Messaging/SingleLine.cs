using System.Globalization;

namespace CopPortal.Domain.Messaging;

/// <summary>
/// Names and titles that can end up in an email's subject or address header must be one line: a line break
/// there ("Evil\nBcc: x") would start a new header. Forms refuse them; mail building strips them as well.
/// </summary>
public static class SingleLine
{
    /// <summary>The form error, after the field's label, e.g. "Full name must not contain line breaks, tabs or other control characters".</summary>
    public const string Rule = "must not contain line breaks, tabs or other control characters";

    public static bool IsUnsafe(char c) =>
        char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>True when the text has a line break, tab or other control character.</summary>
    public static bool HasControlCharacters(string? text) => text is not null && text.Any(IsUnsafe);

    /// <summary>The text with each run of control characters replaced by one space, for headers that must never fail.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text) || !HasControlCharacters(text))
        {
            return text ?? "";
        }
        var result = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!IsUnsafe(c))
            {
                result.Append(c);
            }
            else if (result.Length > 0 && result[^1] != ' ')
            {
                result.Append(' ');
            }
        }
        return result.ToString().Trim();
    }
}
