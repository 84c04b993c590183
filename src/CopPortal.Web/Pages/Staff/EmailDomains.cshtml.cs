using CopPortal.Domain.Data;
using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Staff;

public class EmailDomainsModel(CopDbContext db) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public List<AllowedEmailDomain> Domains { get; private set; } = [];

    public sealed class InputModel
    {
        public string? Domain { get; set; }
        public string? Description { get; set; }
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        var domain = AllowedEmailDomain.Normalise(Input.Domain);
        await this.ValidateInputAsync(Input);
        if (ModelState.GetFieldValidationState("Input.Domain") != ModelValidationState.Invalid && await db.AllowedEmailDomains.AnyAsync(d => d.Domain == domain))
        {
            ModelState.AddModelError("Input.Domain", $"{domain} is already on the list");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        db.AllowedEmailDomains.Add(new AllowedEmailDomain { Domain = domain!, Description = Input.Description?.Trim() ?? "", IncludeSubdomains = true });
        await db.SaveChangesAsync();
        TempData["Success"] = $"{domain} has been added. People with an email address on it can now register";
        return Redirect("/staff/email-domains");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id)
    {
        var domain = await db.AllowedEmailDomains.SingleOrDefaultAsync(d => d.Id == id);
        if (domain is null)
        {
            // Already removed (for example a double click): show the list as it now is.
            TempData["Notice"] = "That domain had already been removed";
            return Redirect("/staff/email-domains");
        }
        db.AllowedEmailDomains.Remove(domain);
        await db.SaveChangesAsync();
        TempData["Success"] = $"{domain.Domain} has been removed. Existing accounts are not affected; new people on it will need an invitation";
        return Redirect("/staff/email-domains");
    }

    private async Task LoadAsync() =>
        Domains = await db.AllowedEmailDomains.AsNoTracking().OrderBy(d => d.Domain).ToListAsync();
}
