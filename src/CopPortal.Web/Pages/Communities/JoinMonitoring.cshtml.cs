using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using CopPortal.Domain.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities;

/// <summary>
/// Optional equality and diversity monitoring, offered once straight after a request is sent.
/// The answers are stored with no link to the person or the request, so reviewers can never see them.
/// </summary>
[Authorize]
public class JoinMonitoringModel(CopDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>Set when a request is sent; lets the form be used once without linking it to the request.</summary>
    public const string TempDataKey = "MonitoringFor";
    public const string PreferNotToSay = "Prefer not to say";

    [BindProperty]
    public MonitoringInput Input { get; set; } = new();

    public Community Community { get; private set; } = default!;

    public sealed class MonitoringInput
    {
        public string? AgeBand { get; set; }
        public string? Sex { get; set; }
        public string? Ethnicity { get; set; }
        public string? Disability { get; set; }
        public string? SexualOrientation { get; set; }
        public string? Religion { get; set; }
    }

    public static IReadOnlyList<string> AgeBands { get; } = ["16 to 24", "25 to 34", "35 to 44", "45 to 54", "55 to 64", "65 or over", PreferNotToSay];
    public static IReadOnlyList<string> Sexes { get; } = ["Female", "Male", "I describe myself another way", PreferNotToSay];
    public static IReadOnlyList<string> Ethnicities { get; } =
    [
        "Asian or Asian British", "Black, Black British, Caribbean or African", "Mixed or multiple ethnic groups",
        "White", "Other ethnic group", PreferNotToSay,
    ];
    public static IReadOnlyList<string> Disabilities { get; } = ["Yes", "No", PreferNotToSay];
    public static IReadOnlyList<string> SexualOrientations { get; } = ["Straight or heterosexual", "Gay or lesbian", "Bisexual", "I describe myself another way", PreferNotToSay];
    public static IReadOnlyList<string> Religions { get; } = ["No religion", "Buddhist", "Christian", "Hindu", "Jewish", "Muslim", "Sikh", "Any other religion", PreferNotToSay];

    public static IEnumerable<SelectListItem> Items(IReadOnlyList<string> options) => options.Select(o => new SelectListItem(o, o));

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }
        if (TempData.Peek(TempDataKey) as string != slug)
        {
            return Redirect("/my");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }
        if (TempData[TempDataKey] as string != slug)
        {
            return Redirect("/my");
        }
        // Redirects keep all TempData, so remove the key explicitly: the form is used once.
        TempData.Remove(TempDataKey);
        var response = new EqualityMonitoringResponse
        {
            CommunityId = Community.Id,
            SubmittedOn = LondonTime.Today(clock),
            AgeBand = Pick(Input.AgeBand, AgeBands),
            Sex = Pick(Input.Sex, Sexes),
            Ethnicity = Pick(Input.Ethnicity, Ethnicities),
            Disability = Pick(Input.Disability, Disabilities),
            SexualOrientation = Pick(Input.SexualOrientation, SexualOrientations),
            Religion = Pick(Input.Religion, Religions),
        };
        if ((response.AgeBand ?? response.Sex ?? response.Ethnicity ?? response.Disability ?? response.SexualOrientation ?? response.Religion) is not null)
        {
            db.EqualityMonitoringResponses.Add(response);
            await db.SaveChangesAsync();
        }
        TempData["Success"] = "Thank you. Your monitoring answers have been saved separately from your request";
        return Redirect("/my");
    }

    private static string? Pick(string? value, IReadOnlyList<string> options) => value is not null && options.Contains(value) ? value : null;

    private async Task<bool> LoadAsync(string slug)
    {
        var community = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug);
        Community = community!;
        return community is not null;
    }
}
