using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CopPortal.Web.Infrastructure.Security;

/// <summary>
/// When no handler on a page matches the request, Razor Pages renders the page anyway, without running the
/// code that loads its data, and the page fails with a 500. So: an unknown ?handler= is a 404, and a method
/// the page does not handle (TRACE, OPTIONS, a POST to a page with no post handler) is a 405 naming the ones it does.
/// </summary>
public sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || context.HttpContext.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            // The error page shows any status, whatever the method and ?handler= of the request that failed
            // (a failed POST to ?handler=Approve is re-run on the error page with its query; a 404 there would
            // make the exception handler give up and send a bare 500).
            return Task.CompletedTask;
        }
        var request = context.HttpContext.Request;
        var handlers = context.ActionDescriptor.HandlerMethods;
        var handlerName = context.RouteData.Values["handler"]?.ToString() ?? request.Query["handler"].ToString();
        // Razor Pages hands a name that no handler has to the unnamed handler; a made-up name is a page that does not exist.
        if (!string.IsNullOrEmpty(handlerName) && !handlers.Any(h => string.Equals(h.Name, handlerName, StringComparison.OrdinalIgnoreCase)))
        {
            context.HttpContext.Items[ResultKey] = new NotFoundResult();
        }
        else if (context.HandlerMethod is null && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            // A page with no GET handler still shows itself for GET, so GET and HEAD are always allowed.
            var methods = handlers.Select(h => h.HttpMethod.ToUpperInvariant()).Append("GET").Append("HEAD").Distinct(StringComparer.Ordinal);
            context.HttpContext.Response.Headers.Allow = string.Join(", ", methods.Order(StringComparer.Ordinal));
            context.HttpContext.Items[ResultKey] = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
        }
        return Task.CompletedTask;
    }

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.HttpContext.Items[ResultKey] is IActionResult result)
        {
            context.Result = result;
            return;
        }
        await next();
    }

    private static readonly object ResultKey = new();
}
