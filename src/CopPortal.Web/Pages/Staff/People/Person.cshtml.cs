using CopPortal.Domain.Data;
using CopPortal.Domain.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Staff.People;

/// <summary>
/// One person's account and their network roles. Role changes take effect at the person's next sign-in
/// or security-stamp check (Identity refreshes the cookie's roles then).
/// </summary>
public class PersonModel(CopDbContext db, UserManager<PortalUser> users) : PageModel
{
    public const string CannotRemoveOwnStaffRole = "You cannot remove your own network staff role. Ask another member of the network team to do it";

    public PortalUser Person { get; private set; } = default!;
    public IList<string> Roles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostGrantAsync(string id, string? role)
    {
        if (!await LoadAsync(id) || role is null || !NetworkRoles.All.Contains(role))
        {
            return NotFound();
        }
        if (!Roles.Contains(role))
        {
            Check(await users.AddToRoleAsync(Person, role));
        }
        TempData["Success"] = $"{Person.DisplayName} now has the {IndexModel.RoleLabel(role).ToLowerInvariant()} role";
        return Redirect($"/staff/people/{Person.Id}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string id, string? role)
    {
        if (!await LoadAsync(id) || role is null || !NetworkRoles.All.Contains(role))
        {
            return NotFound();
        }
        if (role == NetworkRoles.NetworkStaff && Person.Id == users.GetUserId(User))
        {
            // Stops the last member of staff locking everyone out of staff pages by accident.
            ModelState.AddModelError("", CannotRemoveOwnStaffRole);
            return Page();
        }
        if (Roles.Contains(role))
        {
            Check(await users.RemoveFromRoleAsync(Person, role));
        }
        TempData["Success"] = $"{Person.DisplayName} no longer has the {IndexModel.RoleLabel(role).ToLowerInvariant()} role";
        return Redirect($"/staff/people/{Person.Id}");
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    private async Task<bool> LoadAsync(string id)
    {
        var person = await db.Users.Include(u => u.Profession).SingleOrDefaultAsync(u => u.Id == id);
        if (person is null)
        {
            return false;
        }
        Person = person;
        Roles = await users.GetRolesAsync(person);
        return true;
    }
}
