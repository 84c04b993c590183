using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CopPortal.Web.Pages.Council;

/// <summary>The Council landing page; the folder convention limits it to Council members and staff.</summary>
public class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
