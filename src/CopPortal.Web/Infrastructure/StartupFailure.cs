using CopPortal.Web.Infrastructure.Database;

namespace CopPortal.Web.Infrastructure;

/// <summary>Logs why the portal did not start, through the app's logging when it was built that far.</summary>
public static class StartupFailure
{
    public static async Task LogAsync(WebApplication? app, Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        // Settings errors (InvalidOperationException from PortalOptions) and database refusals carry their own
        // explanation; anything else keeps its details, inside the structured entry.
        var explained = failure is DatabaseStartupException or InvalidOperationException;
        if (app is not null)
        {
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(DatabaseInitialiser.LogCategory)
                .LogCritical(explained ? null : failure, "The portal did not start: {Reason}", failure.Message);
            await app.DisposeAsync(); // flushes the console logger
            return;
        }
        // Failed before the host existed (configuration): the same JSON console format as the running portal.
        using var loggers = LoggerFactory.Create(b => b.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ "));
        loggers.CreateLogger(DatabaseInitialiser.LogCategory)
            .LogCritical(explained ? null : failure, "The portal did not start: {Reason}", failure.Message);
    }
}
