using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CopPortal.Web.Pages;

public class IndexModel(CopPortal.Web.Infrastructure.PortalOptions portal) : PageModel
{
    public string NetworkName => portal.NetworkName;
    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public void OnGet()
    {
    }
}
