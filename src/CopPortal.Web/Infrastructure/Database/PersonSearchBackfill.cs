using CopPortal.Domain.Data;
using CopPortal.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Infrastructure.Database;

/// <summary>
/// Accounts created before staff's people search used the word table have no words in it: on the first start
/// after the upgrade they are written in one transaction (all or nothing, so the check stays a cheap "any rows?").
/// New and changed accounts are kept in step by <see cref="CopDbContext"/>'s SaveChanges.
/// </summary>
public static class PersonSearchBackfill
{
    private const int BatchSize = 1000;

    public static async Task<int> RunAsync(CopDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.PersonSearchTerms.AnyAsync(cancellationToken) || !await db.Users.AnyAsync(cancellationToken))
        {
            return 0;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var done = 0;
        string? after = null;
        while (true)
        {
            var users = await db.Users.AsNoTracking()
                .Where(u => after == null || string.Compare(u.Id, after) > 0)
                .OrderBy(u => u.Id)
                .Take(BatchSize)
                .Select(u => new PortalUser { Id = u.Id, DisplayName = u.DisplayName, Email = u.Email })
                .ToListAsync(cancellationToken);
            if (users.Count == 0)
            {
                break;
            }
            db.PersonSearchTerms.AddRange(users.SelectMany(u => PersonSearchTerm.For(u).Select(t => new PersonSearchTerm { UserId = u.Id, Term = t })));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            done += users.Count;
            after = users[^1].Id;
        }
        await transaction.CommitAsync(cancellationToken);
        return done;
    }
}
