using CopPortal.Domain.Links;
using System.Security.Claims;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CopPortal.Web.Pages.Staff.Communities;

/// <summary>Staff create a draft CoP; its first ToR version is a copy of the network template.</summary>
public class CreateModel(CopDbContext db, CommunityAdmin admin, CopPortal.Domain.Library.LibraryService library) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? Name { get; set; }
        public string? Slug { get; set; }
        public string? Summary { get; set; }
        public int? MeetingFrequencyMonths { get; set; } = 3;
        public int? MeetingDurationMinutes { get; set; } = 120;
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await this.ValidateInputAsync(Input);
        var name = Input.Name?.Trim() ?? "";
        var slug = string.IsNullOrWhiteSpace(Input.Slug) ? Slugs.FromName(name) : Input.Slug.Trim();
        var details = new CommunityDetails(name, slug, Input.Summary ?? "", Input.MeetingFrequencyMonths ?? 0, Input.MeetingDurationMinutes ?? 0);
        var errors = await admin.ValidateAsync(details, null);
        foreach (var (field, message) in errors)
        {
            if (field == "Slug" && string.IsNullOrWhiteSpace(Input.Slug))
            {
                // The web address name is optional: with no name there is nothing to make one from and the name's
                // own error says so; a name with no letters or numbers needs the optional field after all.
                if (name.Length == 0)
                {
                    continue;
                }
                ModelState.AddFirstError("Input.Slug", slug.Length == 0
                    ? "Enter a web address name, because the name has no letters or numbers to make one from"
                    : message);
                continue;
            }
            ModelState.AddFirstError($"Input.{field}", message);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var community = await admin.CreateFromTemplateAsync(details, User.FindFirstValue(ClaimTypes.NameIdentifier));
        await db.SaveChangesAsync();
        await library.EnsureStandardFoldersAsync(community.Id);
        TempData["Success"] = $"{community.Name} has been created as a draft. Edit its Terms of Reference, then publish it.";
        return Redirect(PortalPaths.ManageCommunity(community.Slug));
    }
}
