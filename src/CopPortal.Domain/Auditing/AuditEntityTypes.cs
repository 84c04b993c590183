using CopPortal.Domain.Caching;

namespace CopPortal.Domain.Auditing;

/// <summary>
/// The types of record the audit log holds, for the audit page's filter. Listing them reads every entry
/// (a DISTINCT over the whole log), and a new type appears only when a feature first saves one, so the list is
/// kept in memory for <see cref="MaxAge"/>; the page reloads it sooner when it shows an entry of a type not in it.
/// </summary>
public sealed class AuditEntityTypes(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    private readonly ReadCache<int, IReadOnlyList<string>> _types = new(clock, MaxAge);

    public Task<IReadOnlyList<string>> GetAsync(Func<Task<IReadOnlyList<string>>> load) => _types.GetAsync(0, load);

    /// <summary>Drops the list, so the next reader loads it again.</summary>
    public void Changed() => _types.Changed();
}
