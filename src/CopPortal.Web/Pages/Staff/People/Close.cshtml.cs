using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.People;
using CopPortal.Domain.Privacy;
using CopPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Staff.People;

/// <summary>Network staff close someone's account at their request (UK GDPR erasure), giving a reason for the audit log.</summary>
public class CloseModel(CopDbContext db, AccountClosure closure) : PageModel
{
    public const int ReasonMaxLength = 500;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? Reason { get; set; }
    }

    public PortalUser Person { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        return Person.ClosedAt is null ? Page() : Redirect(PortalPaths.StaffPerson(id));
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (Person.ClosedAt is not null)
        {
            // A second click, or another member of staff got there first: the account is closed either way.
            TempData["Success"] = "The account has been closed";
            return Redirect(PortalPaths.StaffPerson(id));
        }
        var reason = Input.Reason?.Trim();
        if (!await this.ValidateInputAsync(Input))
        {
            return Page();
        }
        try
        {
            await closure.CloseAsync(id, reason, cancellationToken);
        }
        catch (AccountClosureException ex)
        {
            ModelState.AddModelError("", ex.Message);
            return Page();
        }
        TempData["Success"] = "The account has been closed";
        return Redirect(PortalPaths.StaffPerson(id));
    }

    private async Task<bool> LoadAsync(string id)
    {
        var person = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id);
        if (person is null)
        {
            return false;
        }
        Person = person;
        return true;
    }
}
