using System.Globalization;
using System.Security.Claims;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Security;
using CopPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities;

/// <summary>
/// Edit a CoP's eligibility criteria (staff, chairs and co-chairs). Saving publishes a new ToR version
/// with the other ToR fields unchanged, so every request keeps the version it was checked against.
/// </summary>
[CommunityOperation(nameof(CommunityOperations.EditTerms))]
public class EditEligibilityModel(CopDbContext db, TermsService terms, JoinRequestService joining, PortalOptions portal) : CommunityPageModel
{
    public const string RepresentOrganisation = "represent";
    public const string BasedInEngland = "england";
    public const string DeliversCare = "care";

    [BindProperty]
    public EligibilityInput Input { get; set; } = new();

    public TermsVersion Current { get; private set; } = default!;
    public List<SelectListItem> Professions { get; private set; } = [];

    public static IEnumerable<SelectListItem> CareerStageItems => CareerStages.All.Select(s => new SelectListItem(CareerStages.Label(s), s.ToString()));
    public static IEnumerable<SelectListItem> RegionItems => Regions.All.Where(r => r != "Outside England").Select(r => new SelectListItem(r, r));

    public static IEnumerable<SelectListItem> RegionRuleItems { get; } =
    [
        new("Only people who work in the region", nameof(RegionRule.InRegionOnly)),
        new("People from other regions too, if there is no similar community in their own region (a reviewer judges)", nameof(RegionRule.OutOfRegionIfNoLocalCoP)),
        new("People from any region", nameof(RegionRule.AnyRegion)),
    ];

    public static IEnumerable<SelectListItem> OrganisationItems { get; } =
    [
        new("Applicants must represent an organisation, not themselves", RepresentOrganisation),
        new("The organisation must be based in England", BasedInEngland),
        new("The organisation must deliver health or social care services", DeliversCare),
    ];

    public sealed class EligibilityInput
    {
        public List<int> ProfessionIds { get; set; } = [];
        public List<CareerStage> CareerStages { get; set; } = [];
        public string? SeniorityRequirement { get; set; }
        public RegionRule RegionRule { get; set; }
        public string? Region { get; set; }
        public string? SettingRequirement { get; set; }
        public List<string> OrganisationRequirements { get; set; } = [];
        public string? ExcludedOrganisationTypes { get; set; }
        public string? RequiredDeclarations { get; set; }
        public string? Questions { get; set; }
        public DateInput WindowOpens { get; set; } = new();
        public DateInput WindowCloses { get; set; } = new();
        public DateInput DecisionBy { get; set; } = new();
        public string? Capacity { get; set; }
        public string? ChangeSummary { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        var c = Current.Eligibility;
        Input = new EligibilityInput
        {
            ProfessionIds = c.ProfessionIds,
            CareerStages = c.CareerStages,
            SeniorityRequirement = c.SeniorityRequirement,
            RegionRule = c.RegionRule,
            Region = string.IsNullOrWhiteSpace(c.Region) ? portal.NetworkRegion : c.Region,
            SettingRequirement = c.SettingRequirement,
            OrganisationRequirements =
            [
                .. c.Organisation.MustRepresentOrganisation ? [RepresentOrganisation] : Array.Empty<string>(),
                .. c.Organisation.MustBeBasedInEngland ? [BasedInEngland] : Array.Empty<string>(),
                .. c.Organisation.MustDeliverHealthOrSocialCare ? [DeliversCare] : Array.Empty<string>(),
            ],
            ExcludedOrganisationTypes = string.Join("\n", c.Organisation.ExcludedOrganisationTypes),
            RequiredDeclarations = string.Join("\n", c.RequiredDeclarations),
            Questions = string.Join("\n", c.Questions),
            WindowOpens = DateInput.From(c.Window?.Opens),
            WindowCloses = DateInput.From(c.Window?.Closes),
            DecisionBy = DateInput.From(c.Window?.DecisionBy),
            Capacity = c.Capacity?.ToString(CultureInfo.InvariantCulture),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        ModelState.Clear();
        var criteria = Validate();
        if (!ModelState.IsValid || criteria is null)
        {
            return Page();
        }

        var content = new TermsVersion();
        content.CopyContentFrom(Current);
        content.Eligibility = criteria;
        // The seam's copy is untracked: publish on a tracked one so the community row is updated too.
        var community = await db.Communities.FirstAsync(c => c.Id == Community.Id);
        var version = await terms.PublishAsync(community, content, Current.ReviewDueOn, Input.ChangeSummary!.Trim(), User.FindFirstValue(ClaimTypes.NameIdentifier));
        await db.SaveChangesAsync();
        // More places (or no limit any more) go straight to the waiting list, in order.
        var offered = await joining.OfferFreedPlacesAsync(community);
        TempData["Success"] = $"Eligibility saved as version {version.VersionNumber} of the Terms of Reference"
            + (offered > 0 ? $". {offered} {(offered == 1 ? "person" : "people")} from the waiting list now {(offered == 1 ? "has a place" : "have places")}" : "");
        return Redirect($"/communities/{Community.Slug}/terms/eligibility");
    }

    private async Task LoadAsync()
    {
        Current = await LoadChildAsync(db.TermsVersions.AsNoTracking().Current(), _ => true);
        Professions = await db.Professions.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.SortOrder)
            .Select(p => new SelectListItem(p.Abbreviation == null ? p.Name : p.Name + " (" + p.Abbreviation + ")", p.Id.ToString()))
            .ToListAsync();
    }

    private EligibilityCriteria? Validate()
    {
        var validProfessions = Professions.Select(p => int.Parse(p.Value, CultureInfo.InvariantCulture)).ToHashSet();
        if (Input.ProfessionIds.Any(id => !validProfessions.Contains(id)))
        {
            ModelState.AddModelError("Input.ProfessionIds", "Select professions from the list");
        }
        if (!Enum.IsDefined(Input.RegionRule))
        {
            ModelState.AddModelError("Input.RegionRule", "Select who can join from other regions");
        }
        if (Input.RegionRule != RegionRule.AnyRegion && (string.IsNullOrWhiteSpace(Input.Region) || !Regions.All.Contains(Input.Region)))
        {
            ModelState.AddModelError("Input.Region", "Select the community's region");
        }
        var opens = Input.WindowOpens.Check(ModelState, "Input.WindowOpens", "The opening date");
        var closes = Input.WindowCloses.Check(ModelState, "Input.WindowCloses", "The closing date");
        var decision = Input.DecisionBy.Check(ModelState, "Input.DecisionBy", "The decision date");
        ApplicationWindow? window = null;
        var anyWindow = !Input.WindowOpens.IsEmpty || !Input.WindowCloses.IsEmpty || !Input.DecisionBy.IsEmpty;
        if (anyWindow && ModelState.IsValid)
        {
            if (opens is null)
            {
                ModelState.AddModelError("Input.WindowOpens", "Enter the date applications open");
            }
            if (closes is null)
            {
                ModelState.AddModelError("Input.WindowCloses", "Enter the date applications close");
            }
            if (opens is DateOnly o && closes is DateOnly c)
            {
                if (c < o)
                {
                    ModelState.AddModelError("Input.WindowCloses", "The closing date must be the same as or after the opening date");
                }
                else if (decision is DateOnly d && d < c)
                {
                    ModelState.AddModelError("Input.DecisionBy", "The decision date must be the same as or after the closing date");
                }
                else
                {
                    window = new ApplicationWindow { Opens = o, Closes = c, DecisionBy = decision };
                }
            }
        }
        int? capacity = null;
        if (!string.IsNullOrWhiteSpace(Input.Capacity))
        {
            if (int.TryParse(Input.Capacity.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= 100000)
            {
                capacity = value;
            }
            else
            {
                ModelState.AddModelError("Input.Capacity", "Capacity must be a whole number, 1 or more");
            }
        }
        Length("Input.SeniorityRequirement", Input.SeniorityRequirement, "The seniority requirement", 300);
        Length("Input.SettingRequirement", Input.SettingRequirement, "The setting or sector", 300);
        Length("Input.ExcludedOrganisationTypes", Input.ExcludedOrganisationTypes, "Excluded organisation types", 2000);
        Length("Input.RequiredDeclarations", Input.RequiredDeclarations, "Declarations", 2000);
        Length("Input.Questions", Input.Questions, "Questions", 2000);
        if (string.IsNullOrWhiteSpace(Input.ChangeSummary))
        {
            ModelState.AddModelError("Input.ChangeSummary", "Enter a summary of what changed");
        }
        else
        {
            Length("Input.ChangeSummary", Input.ChangeSummary, "The summary", 500);
        }
        if (!ModelState.IsValid)
        {
            return null;
        }
        return new EligibilityCriteria
        {
            ProfessionIds = Input.ProfessionIds.Distinct().ToList(),
            CareerStages = Input.CareerStages.Distinct().Where(Enum.IsDefined).ToList(),
            SeniorityRequirement = Blank(Input.SeniorityRequirement),
            RegionRule = Input.RegionRule,
            Region = Input.RegionRule == RegionRule.AnyRegion ? null : Input.Region,
            SettingRequirement = Blank(Input.SettingRequirement),
            Organisation = new OrganisationRequirements
            {
                MustRepresentOrganisation = Input.OrganisationRequirements.Contains(RepresentOrganisation),
                MustBeBasedInEngland = Input.OrganisationRequirements.Contains(BasedInEngland),
                MustDeliverHealthOrSocialCare = Input.OrganisationRequirements.Contains(DeliversCare),
                ExcludedOrganisationTypes = Lines(Input.ExcludedOrganisationTypes),
            },
            RequiredDeclarations = Lines(Input.RequiredDeclarations),
            Questions = Lines(Input.Questions),
            Window = window,
            Capacity = capacity,
        };
    }

    private void Length(string key, string? value, string what, int max)
    {
        if (value is not null && value.Trim().Length > max)
        {
            ModelState.AddModelError(key, $"{what} must be {max:N0} characters or fewer");
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Distinct().ToList();
}
