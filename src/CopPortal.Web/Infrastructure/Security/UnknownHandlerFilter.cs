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
        if (context.HandlerMethod is not null
            || context.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            // The error page shows any status, whatever the method of the request that failed.
            return Task.CompletedTask;
        }
        var request = context.HttpContext.Request;
        var handlerName = context.RouteData.Values["handler"]?.ToString() ?? request.Query["handler"].ToString();
        var methods = context.ActionDescriptor.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(handlerName))
        {
            context.HttpContext.Items[ResultKey] = new NotFoundResult();
            return Task.CompletedTask;
        }
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            // A page with no handlers at all only shows itself (GET).
            methods.Add("GET");
            methods.Add("HEAD");
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
