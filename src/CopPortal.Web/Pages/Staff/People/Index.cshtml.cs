using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Staff.People;

public class IndexModel(CopDbContext db, CopPortal.Domain.Caching.ContentCache cache) : PageModel
{
    private const int PageSize = 25;

    // A longer search adds a subquery per word and finds no more: the rest are ignored.
    private const int MaxWords = 6;

    public sealed record Row(string Id, string DisplayName, string? Email, string? Organisation, bool EmailConfirmed, List<string> Roles);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>
    /// A search shows at most this many people (a page at a time): a common surname matches ten times as many
    /// people in a network ten times the size, and counting and sorting them all made the search grow with the
    /// network. Nobody pages through more; they add a word instead.
    /// </summary>
    public const int MaxMatches = 250;

    /// <summary>True when more than <see cref="MaxMatches"/> people match the search.</summary>
    public bool MoreThanShown { get; private set; }

    public List<Row> Rows { get; private set; } = [];
    public Pager Pager { get; private set; } = default!;

    public static string RoleLabel(string role) => role switch
    {
        NetworkRoles.NetworkStaff => "Network staff",
        NetworkRoles.CouncilMember => "Council member",
        _ => role,
    };

    private sealed record Result(List<Row> Rows, Pager Pager, bool MoreThanShown);

    public async Task OnGetAsync()
    {
        // Kept under the content version (ContentCache): any change to an account, its roles or its search words
        // is committed with a new version, so a kept result is never out of date.
        var q = Q?.Trim();
        var key = "people:" + PageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + q;
        var result = await cache.GetAsync(db, key, () => SearchAsync(q));
        (Rows, Pager, MoreThanShown) = (result.Rows, result.Pager, result.MoreThanShown);
    }

    private async Task<Result> SearchAsync(string? q)
    {
        // Every word must begin a word of the person's name or email address, or the address ("pri ram",
        // "council@demo"). Each is a range over the indexed word table, so a search reads its matches, not every account.
        var words = PersonSearchTerm.SearchWords(q).Take(MaxWords).ToList();
        IQueryable<PortalUser> people = db.Users;
        var searched = words.Count > 0;
        var moreThanShown = false;
        int total;
        if (searched)
        {
            // One word's index range drives the search and stops after one more match than is shown; the other
            // words are checked per match on the (person, word) key. "Id IN (every match)" made the database list
            // all the matches first, so a common surname cost more as the network grew. The longest word drives:
            // a longer prefix usually matches fewer people.
            words = [.. words.OrderByDescending(w => w.Length)];
            var (from, to) = SearchTerms.PrefixRange(words[0]);
            var matches = db.PersonSearchTerms.Where(t => string.Compare(t.Term, from) >= 0 && string.Compare(t.Term, to) < 0);
            foreach (var word in words.Skip(1))
            {
                var (wordFrom, wordTo) = SearchTerms.PrefixRange(word);
                matches = matches.Where(m => db.PersonSearchTerms.Any(t => t.UserId == m.UserId && string.Compare(t.Term, wordFrom) >= 0 && string.Compare(t.Term, wordTo) < 0));
            }
            var matchingIds = matches.Select(t => t.UserId).Distinct();
            var found = await matchingIds.Take(MaxMatches + 1).CountAsync();
            moreThanShown = found > MaxMatches;
            total = Math.Min(found, MaxMatches);
            var shown = matchingIds.Take(MaxMatches);
            people = people.Where(u => shown.Contains(u.Id));
        }
        else
        {
            total = await people.CountAsync();
        }
        var pager = new Pager(PageNumber, PageSize, total, PortalPaths.StaffPeople, new Dictionary<string, string?> { ["q"] = q });
        if (total == 0)
        {
            return new Result([], pager, moreThanShown);
        }
        // A search orders its matches (up to MaxMatches) by name using the (Id, DisplayName) index alone, then reads
        // just the page's accounts whole: sorting whole rows read for every match cost 1.5 ms at ten times
        // the network. Namesakes follow in a fixed order (by id), so pages never overlap.
        var pageOfPeople = searched
            ? db.Users.Where(u => people.OrderBy(p => p.DisplayName).ThenBy(p => p.Id).Skip(pager.Skip).Take(PageSize).Select(p => p.Id).Contains(u.Id))
                .OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            : people.OrderBy(u => u.DisplayName).ThenBy(u => u.Email).Skip(pager.Skip).Take(PageSize);
        // One query for the page and each person's roles (two correlated lookups instead of a third round trip).
        var page = await pageOfPeople
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.Email,
                u.Organisation,
                u.EmailConfirmed,
                Council = db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == NetworkRoles.CouncilMember)),
                Staff = db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == NetworkRoles.NetworkStaff)),
            })
            .ToListAsync();
        return new Result([.. page.Select(u => new Row(u.Id, u.DisplayName, u.Email, u.Organisation, u.EmailConfirmed, RolesOf(u.Council, u.Staff)))], pager, moreThanShown);
    }

    // In the order they have always been listed (ordinal: "CouncilMember" before "NetworkStaff").
    private static List<string> RolesOf(bool council, bool staff)
    {
        var roles = new List<string>(2);
        if (council)
        {
            roles.Add(NetworkRoles.CouncilMember);
        }
        if (staff)
        {
            roles.Add(NetworkRoles.NetworkStaff);
        }
        return roles;
    }
}
