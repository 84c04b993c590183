using System.Text;

namespace CopPortal.Web.Pages.Council.Escalations;

/// <summary>
/// CSV (RFC 4180) that a spreadsheet opens as plain text: every field quoted, and a field that a spreadsheet would
/// take as a formula (starting =, +, -, @, tab or carriage return) prefixed with an apostrophe, so a point's title
/// such as "=HYPERLINK(…)" cannot run when the council opens the file.
/// </summary>
public static class Csv
{
    public static string Field(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }
        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static void AppendRow(StringBuilder csv, params string?[] fields)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(fields);
        csv.AppendJoin(',', fields.Select(Field)).Append("\r\n");
    }
}
