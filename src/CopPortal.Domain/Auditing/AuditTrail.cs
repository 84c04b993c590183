using CopPortal.Domain.Communities;
using System.Text.Json;
using CopPortal.Domain.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CopPortal.Domain.Auditing;

/// <summary>Turns tracked changes into audit entries: who changed which entity, and each changed value.</summary>
internal static class AuditTrail
{
    // Secrets and bookkeeping that must never be copied into the audit log.
    private static readonly HashSet<string> RedactedProperties =
    [
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "TokenHash", "Value",
    ];

    internal sealed record Pending(EntityEntry Entry, string Action, Dictionary<string, object?[]> Changes);

    public static List<Pending> Capture(ChangeTracker tracker)
    {
        tracker.DetectChanges();
        var pending = new List<Pending>();
        foreach (var entry in tracker.Entries())
        {
            // Search terms are derived from the community's audited search text. Entities kept apart from the
            // audit leave no entry at all: an entry would tie their values to the signed-in person.
            // Data-protection keys are secrets: an entry would copy a key into the audit log.
            if (entry.Entity is AuditEntry or OutboxMessage or CommunitySearchTerm or People.PersonSearchTerm or IKeptApartFromAudit
                or Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey
                || entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var changes = new Dictionary<string, object?[]>();
            foreach (var property in entry.Properties)
            {
                var name = property.Metadata.Name;
                var redact = RedactedProperties.Contains(name)
                    || property.Metadata.PropertyInfo?.IsDefined(typeof(AuditConfidentialAttribute), inherit: true) == true;
                switch (entry.State)
                {
                    case EntityState.Added when !property.Metadata.IsPrimaryKey():
                        changes[name] = [null, redact ? "(redacted)" : Simplify(property.CurrentValue)];
                        break;
                    case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                        changes[name] = redact ? ["(redacted)", "(redacted)"] : [Simplify(property.OriginalValue), Simplify(property.CurrentValue)];
                        break;
                    case EntityState.Deleted:
                        changes[name] = [redact ? "(redacted)" : Simplify(property.OriginalValue), null];
                        break;
                }
            }

            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            pending.Add(new Pending(entry, entry.State.ToString(), changes));
        }

        return pending;
    }

    public static IEnumerable<AuditEntry> Complete(List<Pending> pending, ICurrentActor actor, DateTimeOffset now) =>
        pending.Select(p => new AuditEntry
        {
            OccurredAt = now,
            UserId = actor.UserId,
            UserName = actor.UserName,
            Action = p.Action,
            EntityType = p.Entry.Metadata.ClrType.Name,
            EntityId = string.Join(",", p.Entry.Metadata.FindPrimaryKey()!.Properties.Select(k => p.Entry.Property(k.Name).CurrentValue)),
            Changes = JsonSerializer.Serialize(p.Changes),
        });

    private static object? Simplify(object? value) => value switch
    {
        null => null,
        string or bool or int or long or Guid or DateTimeOffset or DateOnly or decimal or double => value,
        Enum e => e.ToString(),
        _ => JsonSerializer.Serialize(value),
    };
}
