using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Help;

/// <summary>The network's ground rules, public because the join form asks people to agree to them.</summary>
public class GroundRulesModel(CopDbContext db) : PageModel
{
    public GroundRules Rules { get; private set; } = new();

    public async Task OnGetAsync() =>
        Rules = await db.GroundRules.AsNoTracking().OrderBy(g => g.Id).FirstOrDefaultAsync()
            ?? new GroundRules { Text = GroundRules.DefaultText };

    /// <summary>The text as blocks: a paragraph, or a run of "- " lines as one bulleted list.</summary>
    public static IEnumerable<(bool IsList, IReadOnlyList<string> Lines)> Blocks(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var block in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var lines = block.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            yield return lines.All(l => l.StartsWith("- ", StringComparison.Ordinal))
                ? (true, lines.Select(l => l[2..].Trim()).ToList())
                : (false, [string.Join(" ", lines)]);
        }
    }
}
