using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities;

/// <summary>"I'm interested" in a core-team vacancy: an optional message, and the network team is emailed.</summary>
[Authorize]
public class InterestModel(CopDbContext db, VacancyService vacancies, UserManager<PortalUser> users) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public CoreTeamVacancy Vacancy { get; private set; } = default!;
    public Community Community => Vacancy.Community!;
    public string RoleName => CommunityRoles.Label(Vacancy.Role).ToLowerInvariant();
    public bool AlreadyInterested { get; private set; }

    public sealed class InputModel
    {
        public string? Message { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string slug, int id)
    {
        if (await LoadAsync(slug, id) is { } result)
        {
            return result;
        }
        var userId = users.GetUserId(User);
        AlreadyInterested = await db.VacancyInterests.AnyAsync(i => i.VacancyId == id && i.UserId == userId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, int id)
    {
        if (await LoadAsync(slug, id) is { } result)
        {
            return result;
        }
        if (!await this.ValidateInputAsync(Input))
        {
            return Page();
        }
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var outcome = await vacancies.RegisterInterestAsync(Vacancy, user, Input.Message);
        TempData[outcome == InterestResult.Registered ? "Success" : "Notice"] = outcome switch
        {
            InterestResult.Registered => $"Thank you. We have told the network team you are interested in being the {RoleName}. They will contact you.",
            InterestResult.AlreadyInterested => $"You have already told us you are interested in being the {RoleName}. The network team will contact you.",
            _ => $"This community is no longer looking for a {RoleName}.",
        };
        return Redirect(PortalPaths.Community(slug));
    }

    private async Task<IActionResult?> LoadAsync(string slug, int id)
    {
        var vacancy = await db.Vacancies.Include(v => v.Community).FirstOrDefaultAsync(v => v.Id == id && v.Community!.Slug == slug);
        if (vacancy is null || (vacancy.Community!.Status == CommunityStatus.Draft && !User.IsInRole(NetworkRoles.NetworkStaff)))
        {
            return NotFound();
        }
        Vacancy = vacancy;
        if (vacancy.ClosedAt is not null || vacancy.Community.Status == CommunityStatus.Archived)
        {
            TempData["Notice"] = $"This community is no longer looking for a {RoleName}.";
            return Redirect(PortalPaths.Community(slug));
        }
        return null;
    }
}
