using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CopPortal.Web.Infrastructure.Pdf;

/// <summary>
/// One template for screen and print: a page renders itself with the print layout, and that HTML
/// becomes the PDF. With no browser installed, the visitor gets an explanation and the print view.
/// </summary>
public static class PdfPageResult
{
    public const string PrintModeKey = "PrintMode";

    /// <param name="rendered">Called with the PDF's bytes once made, for a caller that keeps it (e.g. per minutes revision).</param>
    public static async Task<IActionResult> RenderAsPdfAsync(this PageModel page, PdfService renderer, string fileName, string printViewUrl, Func<byte[], Task>? rendered = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(renderer);
        if (!renderer.IsAvailable)
        {
            page.TempData["PdfUnavailable"] = "PDF download is not available on this server because Chromium is not installed. Use this printable version and your browser's Print option to save a PDF.";
            return new RedirectResult(printViewUrl);
        }

        page.ViewData[PrintModeKey] = true;
        page.ViewData["PdfRender"] = true;
        // The page itself is only created by the Razor Pages invoker for a PageResult it executes, so the
        // PDF is made inside a PageResult subclass rather than by executing Page() here.
        return await Task.FromResult<IActionResult>(new RenderToPdfResult(renderer, fileName, printViewUrl, rendered));
    }

    public const string StartFailedMessage = "PDF download is not working on this server at the moment. Use this printable version and your browser's Print option to save a PDF.";

    private sealed class RenderToPdfResult(PdfService renderer, string fileName, string printViewUrl, Func<byte[], Task>? rendered) : PageResult
    {
        public override async Task ExecuteResultAsync(ActionContext context)
        {
            var http = context.HttpContext;
            var originalBody = http.Response.Body;
            using var buffer = new MemoryStream();
            http.Response.Body = buffer;
            try
            {
                await base.ExecuteResultAsync(context);
            }
            finally
            {
                http.Response.Body = originalBody;
            }

            var html = Encoding.UTF8.GetString(buffer.ToArray());
            http.Response.Headers.ContentType = default;
            byte[] pdf;
            try
            {
                pdf = await renderer.GetAsync(html, http.RequestAborted);
            }
            catch (PdfBusyException)
            {
                // No body: the status code pages show the friendly "busy" page, and Retry-After says when to return.
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                http.Response.Headers.RetryAfter = ((int)renderer.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return;
            }
            catch (PdfUnavailableException)
            {
                // The browser would not start (logged by the renderer): the printable page, as when none is installed.
                var tempData = http.RequestServices.GetRequiredService<Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataDictionaryFactory>().GetTempData(http);
                tempData["PdfUnavailable"] = StartFailedMessage;
                await new RedirectResult(printViewUrl).ExecuteResultAsync(context);
                return;
            }
            if (rendered is not null)
            {
                await rendered(pdf);
            }
            await new FileContentResult(pdf, "application/pdf") { FileDownloadName = fileName }.ExecuteResultAsync(context);
        }
    }

    public static bool IsPrintMode(this PageModel page, bool requested)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (requested)
        {
            page.ViewData[PrintModeKey] = true;
        }
        return requested;
    }
}
