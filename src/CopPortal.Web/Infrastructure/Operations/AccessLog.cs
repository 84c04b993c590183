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
                var route = context.Items[RouteItem] as string ?? "(no route)";
                logger.LogInformation("{Method} {Route} responded {StatusCode} in {ElapsedMs} ms",
                    context.Request.Method, route, context.Response.StatusCode, Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1));
            }
        });
    }

    /// <summary>After routing: remembers the first matched route pattern, so a re-executed error page does not replace it.</summary>
    public static IApplicationBuilder UseAccessLogRoute(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (!context.Items.ContainsKey(RouteItem) && context.GetEndpoint() is RouteEndpoint endpoint)
        {
            context.Items[RouteItem] = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
        }
        return next(context);
    });
}
