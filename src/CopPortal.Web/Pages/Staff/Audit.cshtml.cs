using CopPortal.Domain.Links;
using System.Text.Json;
using CopPortal.Domain.Auditing;
using CopPortal.Domain.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Staff;

public class AuditModel(CopDbContext db) : PageModel
{
    private const int PageSize = 30;

    public sealed record Change(string Property, string Description);

    public sealed record Row(AuditEntry Entry, List<Change> Changes);

    [BindProperty(SupportsGet = true)]
    public string? Entity { get; set; }

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public List<string> EntityTypes { get; private set; } = [];
    public List<Row> Entries { get; private set; } = [];
    public Pager Pager { get; private set; } = default!;

    /// <summary>Identity's generic join rows have CLR names like "IdentityUserRole`1"; show them as people read them.</summary>
    public static string TypeLabel(string type) => type switch
    {
        "IdentityUserRole`1" => "user role",
        "IdentityRole" => "role",
        "PortalUser" => "user account",
        "AllowedEmailDomain" => "allowed email domain",
        CopPortal.Domain.Privacy.RetentionPurge.EntityType => "retention policy",
        _ => System.Text.RegularExpressions.Regex.Replace(type.Split('`')[0], "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant(),
    };

    public static string ActionLabel(string action) => action switch
    {
        "Added" => "Created",
        "Modified" => "Changed",
        "Deleted" => "Deleted",
        "role.grant" => "Role given to",
        "role.remove" => "Role removed from",
        CopPortal.Domain.Privacy.AccountClosure.Action => "Closed",
        CopPortal.Domain.Privacy.RetentionPurge.Action => "Old records deleted under the",
        _ => action,
    };

    public async Task OnGetAsync()
    {
        EntityTypes = await db.AuditEntries.Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync();
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Entity))
        {
            query = query.Where(a => a.EntityType == Entity);
        }
        var user = UserFilter?.Trim();
        if (!string.IsNullOrEmpty(user))
        {
            var lower = user.ToLowerInvariant();
            query = query.Where(a => a.UserId == user || (a.UserName != null && a.UserName.ToLower().Contains(lower)));
        }
        Pager = new Pager(PageNumber, PageSize, await query.CountAsync(), PortalPaths.StaffAudit, new Dictionary<string, string?> { ["entity"] = Entity, ["user"] = user });
        var entries = await query.OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id).Skip(Pager.Skip).Take(PageSize).ToListAsync();
        Entries = entries.Select(e => new Row(e, Describe(e))).ToList();
    }

    /// <summary>Turns {"Name": ["before", "after"]} into "before → after" lines.</summary>
    public static List<Change> Describe(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (string.IsNullOrWhiteSpace(entry.Changes))
        {
            return [];
        }
        try
        {
            using var json = JsonDocument.Parse(entry.Changes);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [new Change("Details", entry.Changes)];
            }
            var changes = new List<Change>();
            foreach (var property in json.RootElement.EnumerateObject())
            {
                if (property.Name == "ConcurrencyStamp")
                {
                    // Identity's optimistic-concurrency token changes on every save and means nothing to a reader.
                    continue;
                }
                if (property.Value.ValueKind == JsonValueKind.Array && property.Value.GetArrayLength() == 2)
                {
                    var before = Show(property.Value[0]);
                    var after = Show(property.Value[1]);
                    var text = entry.Action switch
                    {
                        "Added" => after,
                        "Deleted" => "was " + before,
                        _ => $"{before} → {after}",
                    };
                    changes.Add(new Change(Infrastructure.StaffDisplay.Property(property.Name), text));
                }
                else
                {
                    changes.Add(new Change(Infrastructure.StaffDisplay.Property(property.Name), Show(property.Value)));
                }
            }
            return changes;
        }
        catch (JsonException)
        {
            return [new Change("Details", entry.Changes)];
        }
    }

    private static string Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "(empty)",
        JsonValueKind.String => value.GetString() is { Length: > 0 } s ? Infrastructure.StaffDisplay.Value(s) : "(empty)",
        _ => value.GetRawText(),
    };
}
