using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CopPortal.Web.Pages.Account.Register;

public class CheckYourEmailModel : PageModel
{
    public string? Email { get; private set; }

    public void OnGet() => Email = TempData["RegisteredEmail"] as string;
}
