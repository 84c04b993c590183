using CopPortal.Web.Infrastructure;
using CopPortal.Web.Infrastructure.Database;

// "--demo" is a switch, not a configuration key, so it is taken out before the host reads its arguments.
var demo = args.Contains("--demo");
var builder = WebApplication.CreateBuilder(args.Where(a => a != "--demo").ToArray());
if (demo)
{
    builder.Configuration["Demo"] = "true";
}
builder.AddCopPortal();

var app = builder.Build();
await app.Services.InitialiseDatabaseAsync(loadDemoData: app.Configuration.GetValue<bool>("Demo"));
app.UseCopPortal();
ConsoleOutput.WriteBannerWhenStarted(app);
await app.RunAsync();

public partial class Program;
