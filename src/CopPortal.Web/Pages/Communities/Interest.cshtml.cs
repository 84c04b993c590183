using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities;

/// <summary>"I'm interested" in a core-team vacancy: an optional message, and the network team is emailed.</summary>
[CommunityOperation(nameof(CommunityOperations.JoinCommunity))]
public class InterestModel(CopDbContext db, VacancyService vacancies, UserManager<PortalUser> users) : CommunityPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public CoreTeamVacancy Vacancy { get; private set; } = default!;
    public string RoleName => CommunityRoles.Label(Vacancy.Role).ToLowerInvariant();
    public bool AlreadyInterested { get; private set; }

    public sealed class InputModel
    {
        public string? Message { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await LoadAsync(id) is { } result)
        {
            return result;
        }
        var userId = users.GetUserId(User);
        AlreadyInterested = await db.VacancyInterests.AnyAsync(i => i.VacancyId == id && i.UserId == userId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await LoadAsync(id) is { } result)
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
        return Redirect(PortalPaths.Community(Community.Slug));
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        // Another CoP's vacancy under this slug is a 404 (LoadChildAsync); an archived CoP never gets here.
        Vacancy = await LoadChildAsync(db.Vacancies.Include(v => v.Community), id);
        if (Vacancy.ClosedAt is not null)
        {
            TempData["Notice"] = $"This community is no longer looking for a {RoleName}.";
            return Redirect(PortalPaths.Community(Community.Slug));
        }
        return null;
    }
}
