using System.Text.Json;
using System.Text.Json.Nodes;
using CopPortal.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Auditing;

/// <summary>
/// Removes personal values from audit rows while keeping the rows themselves: when an account is closed or a
/// record is purged, the log must still show that something happened, when and to which record, but must not
/// go on holding the data that was removed everywhere else.
/// </summary>
internal static class AuditRedaction
{
    public const string Removed = "(removed)";

    /// <summary>Blanks the recorded values of <paramref name="properties"/> in the rows about these entities. The caller saves.</summary>
    public static async Task<int> RedactAsync(CopDbContext db, string entityType, IReadOnlyCollection<string> entityIds, IReadOnlySet<string> properties, CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var chunk in entityIds.Chunk(500))
        {
            var rows = await db.AuditEntries
                .Where(a => a.EntityType == entityType && a.EntityId != null && chunk.Contains(a.EntityId))
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                var redacted = Redact(row.Changes, properties);
                if (!string.Equals(redacted, row.Changes, StringComparison.Ordinal))
                {
                    row.Changes = redacted;
                    changed++;
                }
            }
        }
        return changed;
    }

    /// <summary>{"Email": ["a@x", "b@x"]} becomes {"Email": ["(removed)", "(removed)"]}; empty values stay empty.</summary>
    public static string? Redact(string? changes, IReadOnlySet<string> properties)
    {
        if (string.IsNullOrWhiteSpace(changes))
        {
            return changes;
        }
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(changes);
        }
        catch (JsonException)
        {
            return changes;
        }
        if (node is not JsonObject values)
        {
            return changes;
        }
        var any = false;
        foreach (var name in properties)
        {
            switch (values[name])
            {
                case JsonArray pair:
                    for (var i = 0; i < pair.Count; i++)
                    {
                        if (pair[i] is not null)
                        {
                            pair[i] = JsonValue.Create(Removed);
                            any = true;
                        }
                    }
                    break;
                case JsonNode value when value.ToJsonString() != $"\"{Removed}\"":
                    values[name] = JsonValue.Create(Removed);
                    any = true;
                    break;
            }
        }
        return any ? values.ToJsonString() : changes;
    }
}
