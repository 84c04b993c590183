using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Account;

[Authorize]
public class ProfileModel(CopDbContext db, UserManager<PortalUser> users, SignInManager<PortalUser> signIn) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Email { get; private set; } = "";

    /// <summary>Where to go once the profile is saved (a local address): the page that sent the person here.</summary>
    [BindProperty(SupportsGet = true, Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    /// <summary>Set after confirming a new account's email address: the page asks the person to complete it.</summary>
    [BindProperty(SupportsGet = true, Name = "welcome")]
    public bool Welcome { get; set; }
    public List<SelectListItem> Professions { get; private set; } = [];
    public List<SelectListItem> RegionItems { get; } = Regions.All.Select(r => new SelectListItem(r, r)).ToList();
    public List<SelectListItem> CareerStageItems { get; } = CareerStages.All.Select(s => new SelectListItem(CareerStages.Label(s), s.ToString())).ToList();

    public sealed class InputModel
    {
        public string? DisplayName { get; set; }
        public string? JobTitle { get; set; }
        public string? ProfessionId { get; set; }
        public string? Organisation { get; set; }
        public string? Region { get; set; }
        public string? CareerStage { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        Input = new InputModel
        {
            DisplayName = user.DisplayName,
            JobTitle = user.JobTitle,
            ProfessionId = user.ProfessionId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Organisation = user.Organisation,
            Region = user.Region,
            CareerStage = user.CareerStage?.ToString(),
        };
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var name = Input.DisplayName?.Trim();
        await this.ValidateInputAsync(Input);
        Profession? profession = null;
        if (int.TryParse(Input.ProfessionId, out var professionId))
        {
            profession = await db.Professions.SingleOrDefaultAsync(p => p.Id == professionId && (p.IsActive || p.Id == user.ProfessionId));
        }
        if (profession is null)
        {
            ModelState.AddModelError("Input.ProfessionId", "Select your profession");
        }
        var stage = ProfileInputValidator.ParseCareerStage(Input.CareerStage);
        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }

        user.DisplayName = name!;
        user.JobTitle = Blank(Input.JobTitle);
        user.ProfessionId = profession!.Id;
        user.Organisation = Blank(Input.Organisation);
        user.Region = Input.Region;
        user.CareerStage = stage;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
        // The header shows the display name from the cookie; reissue it so a new name appears at once.
        await signIn.RefreshSignInAsync(user);
        TempData["Success"] = "Your profile has been saved";
        if (Url.IsLocalUrl(ReturnUrl))
        {
            return LocalRedirect(ReturnUrl!);
        }
        return Redirect(Welcome ? PortalPaths.My : PortalPaths.Profile);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task LoadAsync(PortalUser user)
    {
        Email = user.Email ?? "";
        var professions = await db.Professions.AsNoTracking()
            .Where(p => p.IsActive || p.Id == user.ProfessionId)
            .OrderBy(p => p.SortOrder)
            .ToListAsync();
        Professions = professions.Select(p => new SelectListItem(p.DisplayName, p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
    }
}
