using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CopPortal.Web.Pages;

/// <summary>Friendly pages for 404, 403, 503 (busy) and 500 with no stack trace; the reference ties a report to the logs.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class ErrorModel : PageModel
{
    private int? _code;

    /// <summary>From the handler, or (when none ran, e.g. a TRACE re-executed here) from the route.</summary>
    public int Code => _code ?? (int.TryParse(RouteData.Values["code"]?.ToString(), out var code) ? code : 500);
    public string RequestId { get; private set; } = "";

    /// <summary>For 429: seconds until the client may try again, as the rate limiter set it.</summary>
    public int RetryAfterSeconds { get; private set; }

    /// <summary>"1 minute", "45 seconds": when to try again, in words.</summary>
    public string RetryAfterText => RetryAfterSeconds switch
    {
        <= 1 => "1 second",
        < 60 => $"{RetryAfterSeconds} seconds",
        _ when (RetryAfterSeconds + 59) / 60 == 1 => "1 minute",
        _ => $"{(RetryAfterSeconds + 59) / 60} minutes",
    };

    public string Heading => Code switch
    {
        404 => "Page not found",
        403 => "You do not have permission to view this page",
        400 or 405 => "Sorry, there is a problem with the request",
        429 => "You have tried too many times",
        413 => "The file is too large",
        503 => "Sorry, the service is busy",
        _ => "Sorry, there is a problem with the service",
    };

    public void OnGet(int? code) => Set(code);

    public void OnPost(int? code) => Set(code);

    private void Set(int? code)
    {
        _code = code ?? 500;
        // The trace id alone: it is the TraceId of every log line the request wrote, so a search finds them all.
        RequestId = Activity.Current is { } activity ? activity.TraceId.ToHexString() : HttpContext.TraceIdentifier;
        if (HttpContext.Items[Infrastructure.Security.PortalRateLimits.RetryAfterItem] is int seconds)
        {
            RetryAfterSeconds = seconds;
            Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null && code is null)
        {
            Response.StatusCode = 500;
        }
    }
}
