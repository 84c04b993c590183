using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Staff;

/// <summary>Equality monitoring in aggregate only; any count under 5 is shown as "fewer than 5" so nobody can be identified.</summary>
public class EqualityModel(CopDbContext db, CommunityCache communityCache) : PageModel
{
    public const int SuppressBelow = 5;

    [FromQuery(Name = "community")]
    public int? CommunityId { get; set; }

    public IReadOnlyList<CommunityName> Communities { get; private set; } = [];
    public int Total { get; private set; }
    public List<(string Question, List<(string Answer, int Count)> Rows)> Sections { get; private set; } = [];

    public static string Show(int count) => count < SuppressBelow ? "fewer than 5" : count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task OnGetAsync()
    {
        Communities = await communityCache.NamesAsync(db);
        var query = db.EqualityMonitoringResponses.AsNoTracking();
        if (CommunityId is int id)
        {
            query = query.Where(r => r.CommunityId == id);
        }
        var responses = await query.Select(r => new { r.AgeBand, r.Sex, r.Ethnicity, r.Disability, r.SexualOrientation, r.Religion }).ToListAsync();
        Total = responses.Count;
        Sections =
        [
            ("Age", Count(responses.Select(r => r.AgeBand))),
            ("Sex", Count(responses.Select(r => r.Sex))),
            ("Ethnic group", Count(responses.Select(r => r.Ethnicity))),
            ("Disability", Count(responses.Select(r => r.Disability))),
            ("Sexual orientation", Count(responses.Select(r => r.SexualOrientation))),
            ("Religion or belief", Count(responses.Select(r => r.Religion))),
        ];
    }

    private static List<(string Answer, int Count)> Count(IEnumerable<string?> answers) =>
        answers.GroupBy(a => a ?? "Not answered").OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count())).ToList();
}
