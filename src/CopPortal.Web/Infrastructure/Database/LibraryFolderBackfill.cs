using CopPortal.Domain.Data;
using CopPortal.Domain.Library;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Infrastructure.Database;

/// <summary>
/// CoPs made before libraries existed (or by an import) have no library folders. The library's pages never write on
/// a GET, so at start every CoP without folders gets its four standard ones here, in one SaveChanges (audited).
/// Later CoPs get theirs when they are created or published. One cheap query when there is nothing to do.
/// </summary>
public static class LibraryFolderBackfill
{
    public static async Task<int> RunAsync(CopDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var missing = await db.Communities.AsNoTracking()
            .Where(c => !db.LibraryFolders.Any(f => f.CommunityId == c.Id))
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        if (missing.Count == 0)
        {
            return 0;
        }
        var now = clock.GetUtcNow();
        db.LibraryFolders.AddRange(missing.SelectMany(id => LibraryService.StandardFolders(id, now)));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return missing.Count;
    }
}
