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
    public int Code { get; private set; } = 500;
    public string RequestId { get; private set; } = "";

    public string Heading => Code switch
    {
        404 => "Page not found",
        403 => "You do not have permission to view this page",
        400 => "Sorry, there is a problem with the request",
        503 => "Sorry, the service is busy",
        _ => "Sorry, there is a problem with the service",
    };

    public void OnGet(int? code) => Set(code);

    public void OnPost(int? code) => Set(code);

    private void Set(int? code)
    {
        Code = code ?? 500;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null && code is null)
        {
            Response.StatusCode = 500;
        }
    }
}
