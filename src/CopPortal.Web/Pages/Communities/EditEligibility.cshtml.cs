using CopPortal.Domain.Links;
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
        var professionIds = Professions.Select(p => int.Parse(p.Value, CultureInfo.InvariantCulture)).ToHashSet();
        if (!await this.ValidateInputAsync(Input, context: new EditEligibilityInputValidator.Rules(professionIds)))
        {
            return Page();
        }
        var criteria = ToCriteria();

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
        return Redirect(PortalPaths.TermsEligibility(Community.Slug));
    }

    private async Task LoadAsync()
    {
        Current = await LoadChildAsync(db.TermsVersions.AsNoTracking().Current(), _ => true);
        Professions = await db.Professions.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.SortOrder)
            .Select(p => new SelectListItem(p.Abbreviation == null ? p.Name : p.Name + " (" + p.Abbreviation + ")", p.Id.ToString()))
            .ToListAsync();
    }

    /// <summary>The criteria the validated form describes.</summary>
    private EligibilityCriteria ToCriteria()
    {
        var window = EditEligibilityInputValidator.HasWindow(Input)
            ? new ApplicationWindow { Opens = Input.WindowOpens.Value!.Value, Closes = Input.WindowCloses.Value!.Value, DecisionBy = Input.DecisionBy.Value }
            : null;
        var capacity = EditEligibilityInputValidator.ParseCapacity(Input.Capacity);
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

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Distinct().ToList();
}
