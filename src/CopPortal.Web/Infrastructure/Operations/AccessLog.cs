using System.Diagnostics;
using Microsoft.AspNetCore.Routing;

namespace CopPortal.Web.Infrastructure.Operations;

/// <summary>
/// One log line per request (category CopPortal.Access): method, route pattern, status and duration. The route
/// pattern ("communities/{slug}"), never the path or query string, so no token from an emailed link, search
/// text or other personal data reaches the logs. The request's trace id is in the line's scope.
/// </summary>
public static class AccessLog
{
    public const string Category = "CopPortal.Access";
    private const string RouteItem = "CopPortal.AccessLog.Route";

    /// <summary>Static files (served before routing) and addresses no page answers.</summary>
    public const string NoRoute = "(no route)";

    /// <summary>Outermost: times the request and writes the line once the response status is final.</summary>
    public static IApplicationBuilder UseAccessLog(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        return app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                var route = context.Items[RouteItem] as string ?? NoRoute;
                logger.LogInformation("{Method} {Route} responded {StatusCode} in {ElapsedMs} ms",
                    context.Request.Method, route, context.Response.StatusCode, Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1));
            }
        });
    }

    /// <summary>After routing: remembers the first pass's route pattern (or none), so a re-executed error page does not replace it.</summary>
    public static IApplicationBuilder UseAccessLogRoute(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (!context.Items.ContainsKey(RouteItem))
        {
            context.Items[RouteItem] = context.GetEndpoint() is RouteEndpoint endpoint
                ? "/" + endpoint.RoutePattern.RawText?.TrimStart('/')
                : NoRoute;
        }
        return next(context);
    });
}
