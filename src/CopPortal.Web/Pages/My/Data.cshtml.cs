using System.Security.Claims;
using CopPortal.Domain.Privacy;
using CopPortal.Domain.Time;
using CopPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CopPortal.Web.Pages.My;

/// <summary>
/// The person's own data as a download (UK GDPR access and portability). A GET is enough: it changes nothing,
/// and another site can make a browser fetch it but cannot read it. The file is never cached.
/// </summary>
public class DataModel(PersonalDataExport export, PortalOptions portal, TimeProvider clock, ILogger<DataModel> logger) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var zip = await export.CreateAsync(userId, portal.NetworkName, cancellationToken);
        if (zip is null)
        {
            return NotFound();
        }
        logger.LogInformation("Personal data download by {UserId}", userId);
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Pragma = "no-cache";
        return File(zip, "application/zip", $"my-data-{LondonTime.Today(clock):yyyy-MM-dd}.zip");
    }
}
