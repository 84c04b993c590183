using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CopPortal.Web.Infrastructure.Files;

/// <summary>
/// For pages that take an upload: sets the request limits (Kestrel's body size and the form reader's multipart
/// length, <see cref="UploadRules.RequestLimitBytes"/>) and answers a body declared larger than that with 413 and
/// the friendly error page ("the file is too large"), never a 500. Up to the limit the page reads the form (large
/// files are buffered to disk as they arrive) and <see cref="UploadRules"/> gives the message against the file field.
/// Runs before the antiforgery check, which is the first thing to read the form.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadTooLargeAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    public int Order => -3000;

    /// <summary>How many files the form takes at most: the limits grow by <see cref="UploadRules.MaxBytes"/> for each one after the first.</summary>
    public int Files { get; set; } = 1;

    private long Limit => UploadRules.RequestLimitBytes + ((Math.Max(Files, 1) - 1) * UploadRules.MaxBytes);

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        if (http.Request.ContentLength > Limit)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = Limit;
        }
        if (http.Features.Get<IFormFeature>()?.Form is null)
        {
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = Limit }));
        }
    }
}
