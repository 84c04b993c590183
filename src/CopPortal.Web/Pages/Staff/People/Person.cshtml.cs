using CopPortal.Domain.Links;
using System.Text.Json;
using CopPortal.Domain.Auditing;
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
public class PersonModel(CopDbContext db, UserManager<PortalUser> users, ICurrentActor actor, TimeProvider clock) : PageModel
{
    public const string CannotRemoveOwnStaffRole = "You cannot remove your own network staff role. Ask another member of the network team to do it";

    public PortalUser Person { get; private set; } = default!;
    public IList<string> Roles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostGrantAsync(string id, string? role)
    {
        // A closed account can hold no role.
        if (!await LoadAsync(id) || Person.ClosedAt is not null || role is null || !NetworkRoles.All.Contains(role))
        {
            return NotFound();
        }
        if (!Roles.Contains(role))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            Check(await users.AddToRoleAsync(Person, role));
            await RecordAsync("role.grant", [null, role]);
            await transaction.CommitAsync();
        }
        TempData["Success"] = $"{Person.DisplayName} now has the {IndexModel.RoleLabel(role).ToLowerInvariant()} role";
        return Redirect(PortalPaths.StaffPerson(Person.Id));
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
            await using var transaction = await db.Database.BeginTransactionAsync();
            Check(await users.RemoveFromRoleAsync(Person, role));
            // A new security stamp makes their existing sign-in cookie re-validate (within a minute) and lose the role.
            Check(await users.UpdateSecurityStampAsync(Person));
            await RecordAsync("role.remove", [role, null]);
            await transaction.CommitAsync();
        }
        TempData["Success"] = $"{Person.DisplayName} no longer has the {IndexModel.RoleLabel(role).ToLowerInvariant()} role";
        return Redirect(PortalPaths.StaffPerson(Person.Id));
    }

    /// <summary>Identity's join row has only key columns, so the automatic entry says little; record the role by name.</summary>
    private async Task RecordAsync(string action, string?[] change)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = clock.GetUtcNow(),
            UserId = actor.UserId,
            UserName = actor.UserName,
            Action = action,
            EntityType = nameof(PortalUser),
            EntityId = Person.Id,
            Changes = JsonSerializer.Serialize(new Dictionary<string, string?[]> { ["Role"] = change }),
        });
        await db.SaveChangesAsync();
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
