using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CopPortal.Web.Infrastructure.Files;

/// <summary>
/// For pages that take an upload: a request body far over <see cref="UploadRules.RequestLimitBytes"/> is answered
/// with 413 and the friendly error page ("the file is too large"), never a 500. Up to the limit, the page reads the
/// form and <see cref="UploadRules"/> gives the usual message against the file field. Applies the limits itself:
/// Kestrel's body size (the form is buffered to disk as it arrives) and the form reader's multipart length.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadTooLargeAttribute : Attribute, IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (http.Request.ContentLength > UploadRules.RequestLimitBytes)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = UploadRules.RequestLimitBytes;
        }
        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new Microsoft.AspNetCore.Http.Features.FormOptions
        {
            MultipartBodyLengthLimit = UploadRules.RequestLimitBytes,
        }));
        var executed = await next();
        // A body without a length that turns out too long fails while the form is read.
        if (executed.Exception is InvalidDataException or Microsoft.AspNetCore.Http.BadHttpRequestException && !executed.ExceptionHandled)
        {
            executed.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
            executed.ExceptionHandled = true;
        }
    }
}
