using System.Collections.Concurrent;

namespace CopPortal.Domain.Data;

/// <summary>
/// An <c>EF.CompileAsyncQuery</c> delegate kept once per database provider. EF binds a compiled query to the
/// provider of the first context that runs it, and one process can hold portals on different providers (the
/// tests start SQLite and PostgreSQL portals side by side), so each provider gets its own compilation.
/// Use for the fixed-shape queries every request of a page runs, where building and looking up a LINQ query
/// costs more than running it.
/// </summary>
public sealed class CompiledQuery<TQuery>(Func<TQuery> compile) where TQuery : Delegate
{
    private readonly ConcurrentDictionary<string, TQuery> _byProvider = new(StringComparer.Ordinal);

    public TQuery For(CopDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _byProvider.GetOrAdd(db.Database.ProviderName ?? "", _ => compile());
    }
}
