using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Staff.People;

public class IndexModel(CopDbContext db) : PageModel
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

    public async Task OnGetAsync()
    {
        var query = db.Users.AsNoTracking();
        var q = Q?.Trim();
        // Every word must begin a word of the person's name or email address, or the address ("pri ram",
        // "council@demo"). Each is a range over the indexed word table, so a search reads its matches, not every account.
        var words = PersonSearchTerm.SearchWords(q).Take(MaxWords).ToList();
        foreach (var word in words)
        {
            var (from, to) = SearchTerms.PrefixRange(word);
            var matching = db.PersonSearchTerms
                .Where(t => string.Compare(t.Term, from) >= 0 && string.Compare(t.Term, to) < 0)
                .Select(t => t.UserId);
            query = query.Where(u => matching.Contains(u.Id));
        }
        int total;
        if (words.Count > 0)
        {
            // Read at most one more match than is shown, then keep only those: bounded whatever the network's size.
            var matches = query.Select(u => u.Id);
            var found = await matches.Take(MaxMatches + 1).CountAsync();
            MoreThanShown = found > MaxMatches;
            total = Math.Min(found, MaxMatches);
            var shown = matches.Take(MaxMatches);
            query = db.Users.AsNoTracking().Where(u => shown.Contains(u.Id));
        }
        else
        {
            total = await query.CountAsync();
        }
        Pager = new Pager(PageNumber, PageSize, total, PortalPaths.StaffPeople, new Dictionary<string, string?> { ["q"] = q });
        var users = await query.OrderBy(u => u.DisplayName).ThenBy(u => u.Email).Skip(Pager.Skip).Take(PageSize).ToListAsync();
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync();
        Rows = users.Select(u => new Row(u.Id, u.DisplayName, u.Email, u.Organisation, u.EmailConfirmed,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).OrderBy(n => n, StringComparer.Ordinal).ToList())).ToList();
    }
}
