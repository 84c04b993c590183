using CopPortal.Domain.Auditing;
using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Tests.Auditing;

/// <summary>
/// Any entity marked <see cref="IKeptApartFromAudit"/> leaves no audit entry when added, changed or removed, while an
/// ordinary entity saved beside it still does. Checked on probe entities, so it holds for every marked type, not a list.
/// </summary>
public sealed class KeptApartFromAuditTests : IDisposable
{
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("copportal-audit-").FullName;

    public sealed class SecretProbe : IKeptApartFromAudit
    {
        public int Id { get; set; }
        public string? Answer { get; set; }
    }

    public sealed class OrdinaryProbe
    {
        public int Id { get; set; }
        public string? Answer { get; set; }
    }

    /// <summary>The portal's context and its audit, plus two probe entities.</summary>
    private sealed class ProbeContext(DbContextOptions<CopDbContext> options, ICurrentActor actor) : CopDbContext(options, actor)
    {
        protected override void OnModelCreating(ModelBuilder builder)
        {
            base.OnModelCreating(builder);
            builder.Entity<SecretProbe>();
            builder.Entity<OrdinaryProbe>();
        }
    }

    private sealed class Person : ICurrentActor
    {
        public string? UserId => "user-1";
        public string? UserName => "someone@test.nhs.uk";
    }

    [Fact]
    public async Task Marked_entities_are_never_audited_and_unmarked_ones_still_are()
    {
        var builder = new DbContextOptionsBuilder<CopDbContext>();
        builder.UseCopPortalDatabase(DatabaseProvider.Sqlite, DatabaseSetup.SqliteConnectionString(_directory));
        await using var db = new ProbeContext(builder.Options, new Person());
        await db.Database.EnsureCreatedAsync();

        var secret = new SecretProbe { Answer = "secret-added" };
        var ordinary = new OrdinaryProbe { Answer = "ordinary-added" };
        db.AddRange(secret, ordinary);
        await db.SaveChangesAsync();
        secret.Answer = "secret-changed";
        ordinary.Answer = "ordinary-changed";
        await db.SaveChangesAsync();
        db.Remove(secret);
        db.Remove(ordinary);
        await db.SaveChangesAsync();
        // Saved alone, too (the context skips its audit transaction when nothing is audited).
        db.Add(new SecretProbe { Answer = "secret-alone" });
        await db.SaveChangesAsync();

        var audit = await db.AuditEntries.AsNoTracking().ToListAsync();
        Assert.Equal(["Added", "Modified", "Deleted"], audit.Where(a => a.EntityType == nameof(OrdinaryProbe)).OrderBy(a => a.Id).Select(a => a.Action));
        Assert.DoesNotContain(audit, a => a.EntityType == nameof(SecretProbe));
        Assert.DoesNotContain(audit, a => (a.Changes ?? "").Contains("secret", StringComparison.Ordinal));
        Assert.Equal(1, await db.Set<SecretProbe>().CountAsync());
    }

    [Fact]
    public void Equality_monitoring_responses_are_kept_apart_from_the_audit() =>
        Assert.True(typeof(IKeptApartFromAudit).IsAssignableFrom(typeof(EqualityMonitoringResponse)));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_directory, recursive: true);
    }
}
