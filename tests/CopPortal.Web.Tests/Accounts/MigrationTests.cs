using System.Net;
using CopPortal.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Tests.Accounts;

/// <summary>Both providers' migrations build the whole schema on an empty database, with no model changes left over.</summary>
public sealed class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Migrations_apply_to_an_empty_database_and_the_app_is_healthy(DatabaseProvider provider)
    {
        using var portal = new PortalFactory(provider, demoData: false);

        var response = await portal.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await portal.WithDbAsync(async db =>
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
            Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no migration captures.");
            Assert.Equal(provider == DatabaseProvider.Postgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
            // Reference data is there even without demo data; nobody has an account yet.
            Assert.True(await db.AllowedEmailDomains.AnyAsync(d => d.Domain == "nhs.uk"));
            Assert.Equal(0, await db.Users.CountAsync());
        });
    }
}
