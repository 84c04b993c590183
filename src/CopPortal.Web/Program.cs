using CopPortal.Web.Infrastructure;
using CopPortal.Web.Infrastructure.Database;

// "--demo" is a switch, not a configuration key, so it is taken out before the host reads its arguments.
var demo = args.Contains("--demo");
var builder = WebApplication.CreateBuilder(args.Where(a => a != "--demo").ToArray());
if (demo)
{
    builder.Configuration["Demo"] = "true";
}
WebApplication? app = null;
try
{
    builder.AddCopPortal();
    app = builder.Build();
    await app.Services.InitialiseDatabaseAsync(loadDemoData: app.Configuration.GetValue<bool>("Demo"));
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    // A failed start is told once, in the portal's own log format, with exit code 1 (not an unhandled exception's
    // raw stack trace). Wrong settings and unreachable or newer databases are explained in words.
    await StartupFailure.LogAsync(app, ex);
    return 1;
}
app.UseCopPortal();
ConsoleOutput.WriteBannerWhenStarted(app);
await app.RunAsync();
return 0;

public partial class Program;
