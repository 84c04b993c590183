using CopPortal.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Sqlite.Design.Internal;
using Microsoft.Extensions.DependencyInjection;
using Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal;

// Scaffolds one migration per provider: dotnet run --project tools/CopPortal.DesignTime -- add <Name>
if (args.Length != 2 || args[0] != "add")
{
    Console.Error.WriteLine("Usage: dotnet run --project tools/CopPortal.DesignTime -- add <MigrationName>");
    return 2;
}

var name = args[1];
var repoRoot = FindRepoRoot();
Scaffold(DatabaseProvider.Sqlite, "Data Source=:memory:", new SqliteDesignTimeServices(), DatabaseSetup.SqliteMigrationsAssembly);
// No server is contacted while scaffolding; the connection string only fixes the provider.
Scaffold(DatabaseProvider.Postgres, "Host=localhost;Database=design", new NpgsqlDesignTimeServices(), DatabaseSetup.PostgresMigrationsAssembly);
return 0;

void Scaffold(DatabaseProvider provider, string connection, IDesignTimeServices providerServices, string assembly)
{
    var options = new DbContextOptionsBuilder<CopDbContext>();
    options.UseCopPortalDatabase(provider, connection);
    using var db = new CopDbContext(options.Options);
    var services = new ServiceCollection().AddEntityFrameworkDesignTimeServices().AddDbContextDesignTimeServices(db);
    providerServices.ConfigureDesignTimeServices(services);
    using var provider2 = services.BuildServiceProvider();
    var scaffolder = provider2.GetRequiredService<IMigrationsScaffolder>();
    var migration = scaffolder.ScaffoldMigration(name, assembly, "Migrations", "C#");
    var files = scaffolder.Save(Path.Combine(repoRoot, "src", assembly), migration, Path.Combine(repoRoot, "src", assembly, "Migrations"));
    Console.WriteLine($"{provider}: {files.MigrationFile}");
}

static string FindRepoRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CopPortal.sln")))
    {
        dir = dir.Parent;
    }
    return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
}
