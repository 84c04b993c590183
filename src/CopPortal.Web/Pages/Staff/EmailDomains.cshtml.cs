using CopPortal.Domain.Data;
using CopPortal.Web.Accounts;
using CopPortal.Domain.Links;
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

    /// <summary>The domain whose removal is being confirmed (?remove=id), if any.</summary>
    public AllowedEmailDomain? Removing { get; private set; }

    /// <summary>The personal email service the domain being added would let in, when the tick box is needed.</summary>
    public string? PersonalMatch { get; private set; }

    public sealed class InputModel
    {
        public string? Domain { get; set; }
        public string? Description { get; set; }

        /// <summary>Ticked to allow a personal email service on purpose.</summary>
        public bool AllowPersonal { get; set; }
    }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "remove")] int? remove)
    {
        if (remove is int id)
        {
            Removing = await db.AllowedEmailDomains.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id);
            if (Removing is null)
            {
                TempData["Notice"] = "That domain had already been removed";
                return Redirect(PortalPaths.StaffEmailDomains);
            }
            return Page();
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        var domain = AllowedEmailDomain.Normalise(Input.Domain);
        await this.ValidateInputAsync(Input);
        if (ModelState.GetFieldValidationState("Input.Domain") != ModelValidationState.Invalid && await db.AllowedEmailDomains.AnyAsync(d => d.Domain == domain))
        {
            ModelState.AddModelError("Input.Domain", $"{domain} is already on the list");
        }
        else if (domain is not null && PersonalMailDomains.Match(domain) is string personal && !Input.AllowPersonal)
        {
            // Allowed silently, a personal service would let anyone register; make adding one a deliberate act.
            PersonalMatch = personal;
            ModelState.AddModelError("Input.AllowPersonal", personal == domain
                ? $"{domain} is a personal email service: anyone can get an address on it. Tick the box if you are sure anyone with one may register"
                : $"{domain} includes {personal}, a personal email service: anyone could register. Tick the box if you are sure");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        db.AllowedEmailDomains.Add(new AllowedEmailDomain { Domain = domain!, Description = Input.Description?.Trim() ?? "", IncludeSubdomains = true });
        await db.SaveChangesAsync();
        TempData["Success"] = $"{domain} has been added. People with an email address on it can now register";
        return Redirect(PortalPaths.StaffEmailDomains);
    }

    /// <summary>Removes a domain once confirmed; the list's buttons only lead to the confirmation (?remove=id).</summary>
    public async Task<IActionResult> OnPostRemoveAsync(int id, [FromForm(Name = "confirm")] string? confirm)
    {
        if (confirm != "yes")
        {
            return Redirect(PortalPaths.WithQuery(PortalPaths.StaffEmailDomains, ("remove", id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }
        var domain = await db.AllowedEmailDomains.SingleOrDefaultAsync(d => d.Id == id);
        if (domain is null)
        {
            // Already removed (for example a double click): show the list as it now is.
            TempData["Notice"] = "That domain had already been removed";
            return Redirect(PortalPaths.StaffEmailDomains);
        }
        db.AllowedEmailDomains.Remove(domain);
        await db.SaveChangesAsync();
        TempData["Success"] = $"{domain.Domain} has been removed. Existing accounts are not affected; new people on it will need an invitation";
        return Redirect(PortalPaths.StaffEmailDomains);
    }

    private async Task LoadAsync() =>
        Domains = await db.AllowedEmailDomains.AsNoTracking().OrderBy(d => d.Domain).ToListAsync();
}
