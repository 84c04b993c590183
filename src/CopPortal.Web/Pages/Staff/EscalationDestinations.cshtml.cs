using CopPortal.Domain.Data;
using CopPortal.Domain.Escalations;
using CopPortal.Domain.Links;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Forms.Validators;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Staff;

/// <summary>
/// The network's list of places the council routes Triple-A points to. Staff add destinations and retire or restore
/// them; a retired one stays on the points already routed there but is no longer offered.
/// </summary>
public class EscalationDestinationsModel(CopDbContext db) : PageModel
{
    [BindProperty]
    public DestinationInput Input { get; set; } = new();

    public List<EscalationDestination> Destinations { get; private set; } = [];

    public sealed class DestinationInput
    {
        public string? Name { get; set; }
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        await this.ValidateInputAsync(Input);
        var name = FieldRules.Clean(Input.Name);
        if (ModelState.IsValid && await db.EscalationDestinations.AnyAsync(d => d.Name == name))
        {
            ModelState.AddModelError("Input.Name", $"{name} is already on the list");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var last = await db.EscalationDestinations.MaxAsync(d => (int?)d.SortOrder) ?? 0;
        db.EscalationDestinations.Add(new EscalationDestination { Name = name, SortOrder = last + 10 });
        await db.SaveChangesAsync();
        TempData["Success"] = $"{name} has been added";
        return Redirect(PortalPaths.StaffEscalationDestinations);
    }

    public async Task<IActionResult> OnPostActiveAsync(int id, bool active)
    {
        var destination = await db.EscalationDestinations.FirstOrDefaultAsync(d => d.Id == id);
        if (destination is null)
        {
            return NotFound();
        }
        destination.IsActive = active;
        await db.SaveChangesAsync();
        TempData["Success"] = active ? $"{destination.Name} is offered again" : $"{destination.Name} has been retired";
        return Redirect(PortalPaths.StaffEscalationDestinations);
    }

    private async Task LoadAsync() =>
        Destinations = await db.EscalationDestinations.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Name).ToListAsync();
}

public sealed class DestinationInputValidator : FormValidator<EscalationDestinationsModel.DestinationInput>
{
    public DestinationInputValidator()
    {
        RuleFor(x => x.Name).Required("Enter the destination's name").MaxChars(EscalationDestination.NameMaxLength, "Name").SingleLine("Name");
    }
}
