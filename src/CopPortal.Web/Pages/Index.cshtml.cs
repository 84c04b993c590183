using CopPortal.Domain.Links;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CopPortal.Web.Pages;

public class IndexModel(CopPortal.Web.Infrastructure.PortalOptions portal) : PageModel
{
    public string NetworkName => portal.NetworkName;
    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    /// <summary>Signed-in people have one personal home page, /my, whatever their role; / is the public welcome.</summary>
    public IActionResult OnGet() => SignedIn ? Redirect(PortalPaths.My) : Page();
}
