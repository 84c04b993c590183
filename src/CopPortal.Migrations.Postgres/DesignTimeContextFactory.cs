using CopPortal.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CopPortal.Migrations.Postgres;

/// <summary>
/// How dotnet ef builds the context for this provider's migrations. Adding a migration contacts no server:
/// the connection string only fixes the provider.
/// </summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<CopDbContext>
{
    public CopDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CopDbContext>();
        options.UseCopPortalDatabase(DatabaseProvider.Postgres, "Host=localhost;Database=design");
        return new CopDbContext(options.Options);
    }
}
