using CopPortal.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CopPortal.Migrations.Sqlite;

/// <summary>
/// How dotnet ef builds the context for this provider's migrations. Adding a migration contacts no server:
/// the connection string only fixes the provider.
/// </summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<CopDbContext>
{
    public CopDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CopDbContext>();
        options.UseCopPortalDatabase(DatabaseProvider.Sqlite, "Data Source=:memory:");
        return new CopDbContext(options.Options);
    }
}
