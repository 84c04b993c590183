using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using CopPortal.Domain.Links;
using CopPortal.Domain.Time;
using CopPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities;

/// <summary>The public directory. Filters live in the query string so a filtered list can be shared.</summary>
public class IndexModel(CopDbContext db, CommunityDirectory directory, CommunityCache cache, PortalOptions portal, TimeProvider clock) : PageModel
{
    /// <summary>
    /// Longest search the box accepts (its maxlength too). Far below Kestrel's 8 KB request-line limit even when
    /// every character is percent-encoded, so a search from the form never meets the server's blank 414.
    /// </summary>
    public const int WordsMaxLength = 100;

    public const string WordsTooLong = "Search words must be 100 characters or fewer";

    [FromQuery(Name = "q")]
    public string? Words { get; set; }

    [FromQuery(Name = "profession")]
    public int? ProfessionId { get; set; }

    [FromQuery(Name = "region")]
    public RegionRule? Region { get; set; }

    [FromQuery(Name = "open")]
    public bool OpenOnly { get; set; }

    [FromQuery(Name = "archived")]
    public bool IncludeArchived { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public DirectoryPage Results { get; private set; } = new([], 0, 1, 1);

    /// <summary>The search words were longer than <see cref="WordsMaxLength"/>, so no search was run.</summary>
    public bool SearchTooLong { get; private set; }
    public List<(int Id, string Name)> Professions { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public string NetworkRegion => portal.NetworkRegion;
    public bool IsFiltered => !string.IsNullOrWhiteSpace(Words) || ProfessionId is not null || Region is not null || OpenOnly || IncludeArchived;

    public async Task OnGetAsync()
    {
        if (Region is { } r && !Enum.IsDefined(r))
        {
            Region = null;
        }
        Today = LondonTime.Today(clock);
        Professions = (await cache.ActiveProfessionsAsync(db)).Select(p => (p.Id, p.DisplayName)).ToList();
        if (Words?.Length > WordsMaxLength)
        {
            // A hand-made address can still carry more than the box allows: say so rather than search for it.
            ModelState.AddModelError("q", WordsTooLong);
            SearchTooLong = true;
            Words = Words[..WordsMaxLength];
            return;
        }
        Results = await directory.SearchAsync(new DirectoryQuery(Words, ProfessionId, Region, OpenOnly, IncludeArchived, PageNumber));
    }

    /// <summary>This search's address with a different page number.</summary>
    public string PageUrl(int page)
    {
        var query = new List<KeyValuePair<string, string?>>();
        if (!string.IsNullOrWhiteSpace(Words)) query.Add(new("q", Words.Trim()));
        if (ProfessionId is { } p) query.Add(new("profession", p.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (Region is { } r) query.Add(new("region", r.ToString()));
        if (OpenOnly) query.Add(new("open", "true"));
        if (IncludeArchived) query.Add(new("archived", "true"));
        if (page > 1) query.Add(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return PortalPaths.Communities + Microsoft.AspNetCore.Http.QueryString.Create(query);
    }
}
