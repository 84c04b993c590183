using Microsoft.Extensions.Caching.Memory;
using CopPortal.Domain.Links;
using System.Text.Json;
using CopPortal.Domain.Auditing;
using CopPortal.Domain.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Staff;

public class AuditModel(CopDbContext db, AuditEntityTypes entityTypes) : PageModel
{
    private const int PageSize = 30;

    public sealed record Change(string Property, string Description);

    public sealed record Row(AuditEntry Entry, List<Change> Changes);

    [BindProperty(SupportsGet = true)]
    public string? Entity { get; set; }

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserFilter { get; set; }

    /// <summary>Older entries than this id (the "Older" link).</summary>
    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    /// <summary>Newer entries than this id (the "Newer" link).</summary>
    [BindProperty(SupportsGet = true)]
    public long? After { get; set; }

    public IReadOnlyList<string> EntityTypes { get; private set; } = [];
    public List<Row> Entries { get; private set; } = [];
    public string? NewerUrl { get; private set; }

    /// <summary>The table's markup is kept under this (the first and last entry shown and how many).</summary>
    public string TableKey { get; private set; } = "";
    public string? OlderUrl { get; private set; }

    /// <summary>Identity's generic join rows have CLR names like "IdentityUserRole`1"; show them as people read them.</summary>
    public static string TypeLabel(string type) => s_typeLabels.GetOrAdd(type, MakeTypeLabel);

    // The page labels every type in its filter and two per row: worked out once per type rather than by a regular
    // expression on each use. Types are a few dozen class names, so the dictionary stays small.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> s_typeLabels = new(StringComparer.Ordinal);

    private static string MakeTypeLabel(string type) => type switch
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
        EntityTypes = await entityTypes.GetAsync(LoadTypesAsync);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Entity))
        {
            query = query.Where(a => a.EntityType == Entity);
        }
        var user = UserFilter?.Trim();
        if (!string.IsNullOrEmpty(user))
        {
            // Who made a change is recorded by email address (stored in lower case) or "system": a prefix, so the
            // (UserName, Id) index finds them.
            var lower = user.ToLowerInvariant();
            query = query.Where(a => a.UserId == user || (a.UserName != null && a.UserName.StartsWith(lower)));
        }

        // Keyset pagination, newest first by id (ids follow the order entries were written): a page reads its 30
        // rows from the index wherever it is in the log, and nothing counts the whole log.
        List<AuditEntry> entries;
        if (After is long after)
        {
            entries = await query.Where(a => a.Id > after).OrderBy(a => a.Id).Take(PageSize + 1).ToListAsync();
            var newerExist = entries.Count > PageSize;
            entries = entries.Take(PageSize).Reverse().ToList();
            NewerUrl = newerExist && entries.Count > 0 ? Link(("after", entries[0].Id)) : null;
            OlderUrl = entries.Count > 0 ? Link(("before", entries[^1].Id)) : null;
        }
        else
        {
            if (Before is long before)
            {
                query = query.Where(a => a.Id < before);
            }
            entries = await query.OrderByDescending(a => a.Id).Take(PageSize + 1).ToListAsync();
            var olderExist = entries.Count > PageSize;
            entries = entries.Take(PageSize).ToList();
            OlderUrl = olderExist ? Link(("before", entries[^1].Id)) : null;
            NewerUrl = Before is not null && entries.Count > 0 ? Link(("after", entries[0].Id)) : null;
        }
        Entries = entries.Select(e => new Row(e, s_described.GetOrCreate(e.Action + "\n" + e.Changes, item =>
        {
            item.Size = 1;
            item.SlidingExpiration = TimeSpan.FromMinutes(30);
            return Describe(e);
        })!)).ToList();
        TableKey = TableKeyOf(entries);
        if (Entries.Exists(e => !EntityTypes.Contains(e.Entry.EntityType)))
        {
            // A type first saved since the list was read: read it again rather than leave it out of the filter.
            entityTypes.Changed();
            EntityTypes = await entityTypes.GetAsync(LoadTypesAsync);
        }

        string Link((string Name, long Id) position) => QueryHelpers.AddQueryString(PortalPaths.StaffAudit, new Dictionary<string, string?>
        {
            ["entity"] = string.IsNullOrWhiteSpace(Entity) ? null : Entity,
            ["user"] = string.IsNullOrEmpty(user) ? null : user,
            [position.Name] = position.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(p => p.Value is not null));
    }

    // What an entry's changes say depends only on its action and its changes (the JSON, parsed): worked out once and
    // kept by that text, so a restored database that reuses ids can never be shown another entry's changes.
    private static readonly MemoryCache s_described = new(new MemoryCacheOptions { SizeLimit = 5000 });

    /// <summary>
    /// The table's markup is a function of the entries it shows, which are never changed once written: the key names
    /// them by their ids and a hash of what is shown of them (ids alone could come back after a restore).
    /// </summary>
    private static string TableKeyOf(List<AuditEntry> entries)
    {
        if (entries.Count == 0)
        {
            return "";
        }
        var hash = new HashCode();
        foreach (var e in entries)
        {
            hash.Add(e.Id);
            hash.Add(e.OccurredAt);
            hash.Add(e.UserName, StringComparer.Ordinal);
            hash.Add(e.Action, StringComparer.Ordinal);
            hash.Add(e.EntityType, StringComparer.Ordinal);
            hash.Add(e.EntityId, StringComparer.Ordinal);
            hash.Add(e.Changes, StringComparer.Ordinal);
        }
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"audit:{entries[0].Id}:{entries[^1].Id}:{entries.Count}:{hash.ToHashCode()}");
    }

    private async Task<IReadOnlyList<string>> LoadTypesAsync() =>
        await db.AuditEntries.Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync();

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
