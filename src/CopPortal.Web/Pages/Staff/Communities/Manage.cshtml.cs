using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Staff.Communities;

/// <summary>
/// One CoP for staff: its details, status (publish, archive, reopen), core team and vacancies.
/// Each form posts to its own handler; every change is audited by SaveChanges.
/// </summary>
public class ManageModel(CopDbContext db, CommunityAdmin admin, MembershipService memberships, VacancyService vacancies, CopPortal.Domain.Library.LibraryService library) : PageModel
{
    [BindProperty]
    public DetailsInput Details { get; set; } = new();

    [BindProperty]
    public AssignInput Assign { get; set; } = new();

    [BindProperty]
    public VacancyInput Vacancy { get; set; } = new();

    public Community Community { get; private set; } = default!;
    public List<TeamRow> CoreTeam { get; private set; } = [];
    public List<VacancyRow> OpenVacancies { get; private set; } = [];

    public sealed class DetailsInput
    {
        public string? Name { get; set; }
        public string? Slug { get; set; }
        public string? Summary { get; set; }
    }

    public sealed class AssignInput
    {
        public string? Email { get; set; }
        public CommunityRole? Role { get; set; }
    }

    public sealed class VacancyInput
    {
        public CommunityRole? Role { get; set; }
        public string? Description { get; set; }
    }

    public sealed record TeamRow(string UserId, string Name, string? Email, CommunityRole Role);

    public sealed record InterestRow(string Name, string? Email, string? Message, DateTimeOffset CreatedAt);

    public sealed record VacancyRow(int Id, CommunityRole Role, string Description, DateTimeOffset OpenedAt, List<InterestRow> Interests);

    public static IEnumerable<SelectListItem> CoreRoles =>
        new[] { CommunityRole.Chair, CommunityRole.CoChair, CommunityRole.Secretary }
            .Select(r => new SelectListItem(CommunityRoles.Label(r), r.ToString()));

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostDetailsAsync(string slug)
    {
        if (!await LoadAsync(slug, keepPostedDetails: true))
        {
            return NotFound();
        }
        await this.ValidateInputAsync(Details, nameof(Details));
        var details = new CommunityDetails(Details.Name ?? "", Details.Slug ?? "", Details.Summary ?? "");
        foreach (var (field, message) in await admin.ValidateAsync(details, Community.Id))
        {
            ModelState.AddFirstError($"Details.{field}", message);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await admin.UpdateAsync(Community, details);
        await db.SaveChangesAsync();
        TempData["Success"] = "Community details saved";
        return Redirect(PortalPaths.ManageCommunity(Community.Slug));
    }

    public async Task<IActionResult> OnPostStatusAsync(string slug, string change)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }
        // The domain decides which changes are allowed; this page only names them.
        CommunityStatus? target = change switch
        {
            "publish" or "reopen" => CommunityStatus.Active,
            "archive" => CommunityStatus.Archived,
            _ => null,
        };
        string? message = null;
        if (target is { } to && CommunityStatusRules.CanChange(Community.Status, to))
        {
            message = to == CommunityStatus.Archived ? Do(admin.Archive, $"{Community.Name} has been archived. Its Terms of Reference and history are kept")
                : Community.Status == CommunityStatus.Archived ? Do(admin.Reopen, $"{Community.Name} has been reopened")
                : Do(admin.Publish, $"{Community.Name} is now active and listed in the directory");
        }
        if (message is null)
        {
            TempData["Notice"] = "That change has already been made.";
            return Redirect(PortalPaths.ManageCommunity(slug));
        }
        await db.SaveChangesAsync();
        if (target == CommunityStatus.Active)
        {
            // Its library opens with the standard folders (the library's pages never create them on a GET).
            await library.EnsureStandardFoldersAsync(Community.Id);
        }
        TempData["Success"] = message;
        return Redirect(PortalPaths.ManageCommunity(slug));
    }

    public async Task<IActionResult> OnPostAssignAsync(string slug)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }
        var email = CopPortal.Web.Accounts.EmailAddresses.Normalise(Assign.Email) ?? "";
        await this.ValidateInputAsync(Assign, nameof(Assign));
        var user = email.Length == 0 ? null : await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == email.ToUpperInvariant());
        if (email.Length > 0 && user is null)
        {
            ModelState.AddModelError("Assign.Email", "No one with this email address has an account. Ask them to register, or invite them first");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var role = Assign.Role!.Value;
        await db.InTransactionAsync(async () =>
        {
            await memberships.AddOrSetRoleAsync(Community, user!.Id, role);
            await db.SaveChangesAsync();
        });
        TempData["Success"] = $"{user!.DisplayName} is now {CommunityRoles.Label(role).ToLowerInvariant()} of {Community.Name}";
        return Redirect(PortalPaths.ManageCommunity(slug, "core-team"));
    }

    /// <summary>Takes away a core-team role; the person stays a member.</summary>
    public async Task<IActionResult> OnPostRemoveRoleAsync(string slug, string userId)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }
        var membership = await db.Memberships.Include(m => m.User).FirstOrDefaultAsync(m => m.CommunityId == Community.Id && m.UserId == userId);
        if (membership is null || membership.Role == CommunityRole.Member)
        {
            TempData["Notice"] = "That person no longer has a core-team role.";
            return Redirect(PortalPaths.ManageCommunity(slug, "core-team"));
        }
        var oldRole = CommunityRoles.Label(membership.Role).ToLowerInvariant();
        membership.Role = CommunityRole.Member;
        await db.SaveChangesAsync();
        TempData["Success"] = $"{membership.User!.DisplayName} is no longer {oldRole}. They are still a member";
        return Redirect(PortalPaths.ManageCommunity(slug, "core-team"));
    }

    public async Task<IActionResult> OnPostOpenVacancyAsync(string slug)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }
        if (!await this.ValidateInputAsync(Vacancy, nameof(Vacancy)))
        {
            return Page();
        }
        var role = Vacancy.Role!.Value;
        var opened = await vacancies.OpenAsync(Community, role, TermsInput.Clean(Vacancy.Description));
        if (opened is null)
        {
            ModelState.AddModelError("Vacancy.Role", $"This community is already looking for a {CommunityRoles.Label(role).ToLowerInvariant()}");
            return Page();
        }
        await db.SaveChangesAsync();
        TempData["Success"] = $"The community page now says it is looking for a {CommunityRoles.Label(role).ToLowerInvariant()}";
        return Redirect(PortalPaths.ManageCommunity(slug, "vacancies"));
    }

    public async Task<IActionResult> OnPostCloseVacancyAsync(string slug, int vacancyId)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }
        var vacancy = await db.Vacancies.FirstOrDefaultAsync(v => v.Id == vacancyId && v.CommunityId == Community.Id);
        if (vacancy is null)
        {
            return NotFound();
        }
        vacancies.Close(vacancy);
        await db.SaveChangesAsync();
        TempData["Success"] = $"The {CommunityRoles.Label(vacancy.Role).ToLowerInvariant()} vacancy is closed";
        return Redirect(PortalPaths.ManageCommunity(slug, "vacancies"));
    }

    private string Do(Action<Community> action, string message)
    {
        action(Community);
        return message;
    }

    private async Task<bool> LoadAsync(string slug, bool keepPostedDetails = false)
    {
        var community = await db.Communities.FirstOrDefaultAsync(c => c.Slug == slug);
        if (community is null)
        {
            return false;
        }
        Community = community;
        if (!keepPostedDetails)
        {
            // Another form was posted (the binder may still have filled Slug from the route): show the saved details.
            Details = new DetailsInput { Name = community.Name, Slug = community.Slug, Summary = community.Summary };
        }
        var team = await db.Memberships.AsNoTracking()
            .Where(m => m.CommunityId == community.Id && m.Role != CommunityRole.Member)
            .Select(m => new TeamRow(m.UserId, m.User!.DisplayName, m.User.Email, m.Role))
            .ToListAsync();
        CoreTeam = team.OrderBy(t => CopPortal.Web.Pages.Communities.DetailsModel.RoleOrder(t.Role)).ThenBy(t => t.Name).ToList();
        OpenVacancies = await db.Vacancies.AsNoTracking()
            .Where(v => v.CommunityId == community.Id && v.ClosedAt == null)
            .OrderBy(v => v.OpenedAt)
            .Select(v => new VacancyRow(v.Id, v.Role, v.Description, v.OpenedAt,
                v.Interests.OrderBy(i => i.CreatedAt).Select(i => new InterestRow(i.User!.DisplayName, i.User.Email, i.Message, i.CreatedAt)).ToList()))
            .ToListAsync();
        return true;
    }
}
