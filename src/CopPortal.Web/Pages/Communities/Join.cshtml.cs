using System.Security.Claims;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using CopPortal.Domain.People;
using CopPortal.Domain.Time;
using CopPortal.Web.Infrastructure;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Joining;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities;

/// <summary>The application form, built from the criteria of the CoP's current ToR and pre-filled from the profile.</summary>
[CommunityOperation(nameof(CommunityOperations.JoinCommunity))]
[RateLimitPosts(RateLimitScope.JoinRequest)]
public class JoinModel(CopDbContext db, JoinRequestService joining, CommunityCache cache, TimeProvider clock, PortalOptions portal) : CommunityPageModel
{
    public const int MaxAnswerLength = 2000;

    [BindProperty]
    public JoinInput Input { get; set; } = new();

    public EligibilityCriteria Criteria { get; private set; } = new();
    public JoinPageState State { get; private set; }
    public JoinRequest? OpenRequest { get; private set; }
    public List<string> WhoCanJoin { get; private set; } = [];
    public List<SelectListItem> Professions { get; private set; } = [];
    public string HomeRegion { get; private set; } = "";
    public DateOnly Today { get; private set; }

    public static IReadOnlyList<SelectListItem> YesNo { get; } = [new("Yes", "true"), new("No", "false")];
    public static IEnumerable<SelectListItem> Regions => CopPortal.Domain.People.Regions.All.Select(r => new SelectListItem(r, r));
    public static IEnumerable<SelectListItem> CareerStageItems => CareerStages.All.Select(s => new SelectListItem(CareerStages.Label(s), s.ToString()));

    public IEnumerable<SelectListItem> OrganisationTypes =>
        Criteria.Organisation.ExcludedOrganisationTypes.Select(t => new SelectListItem(t, t))
            .Append(new SelectListItem(EligibilityChecker.NoneOfTheseOrganisationTypes, EligibilityChecker.NoneOfTheseOrganisationTypes));

    public bool IsFull => Community.Capacity is int capacity && Community.MemberCount >= capacity;

    public sealed class JoinInput
    {
        public int? ProfessionId { get; set; }
        public CareerStage? CareerStage { get; set; }
        public string? JobTitle { get; set; }
        public string? Organisation { get; set; }
        public string? Region { get; set; }
        public string? NoLocalCoPExplanation { get; set; }
        public bool? MeetsSeniority { get; set; }
        public string? SeniorityExplanation { get; set; }
        public bool? WorksInSetting { get; set; }
        public string? SettingExplanation { get; set; }
        public bool? RepresentsOrganisation { get; set; }
        public bool? BasedInEngland { get; set; }
        public bool? DeliversHealthOrSocialCare { get; set; }
        public string? OrganisationType { get; set; }
        public List<bool?> Declarations { get; set; } = [];
        public List<string?> QuestionAnswers { get; set; } = [];
    }

    /// <summary>Whether any answer was filled in from the profile, so the page says so only when it is true.</summary>
    public bool FilledFromProfile { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == UserId);
        Input.ProfessionId = user.ProfessionId;
        Input.CareerStage = user.CareerStage;
        Input.JobTitle = user.JobTitle;
        Input.Organisation = user.Organisation;
        Input.Region = user.Region;
        FilledFromProfile = user.ProfessionId is not null || user.CareerStage is not null || user.JobTitle is not null || user.Organisation is not null || user.Region is not null;
        SizeLists();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        SizeLists();
        // Binding errors (e.g. a tampered value) are replaced by our own plain-English messages below.
        ModelState.Clear();
        if (State != JoinPageState.Form)
        {
            return Page();
        }
        var professionIds = Professions.Select(p => int.Parse(p.Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        if (!await this.ValidateInputAsync(Input, context: new JoinInputValidator.Rules(Criteria, professionIds, HomeRegion)))
        {
            return Page();
        }

        var applicant = await db.Users.SingleAsync(u => u.Id == UserId);
        try
        {
            await joining.SubmitAsync(Community, applicant, ToAnswers());
        }
        catch (JoinRequestException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }
        catch (DbUpdateException)
        {
            // Two submissions raced past the check; the database's one-open-request index kept just one.
            ModelState.AddModelError(string.Empty, $"You have already asked to join {Community.Name}. You can see your request on your communities page");
            return Page();
        }
        TempData["Success"] = $"Your request to join {Community.Name} has been sent";
        TempData[JoinMonitoringModel.TempDataKey] = Community.Slug;
        TempData[JoinMonitoringModel.SubmissionKeyTempDataKey] = EqualityMonitoringResponse.NewSubmissionKey();
        return RedirectToPage("/Communities/JoinMonitoring", new { slug = Community.Slug });
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private async Task<bool> LoadAsync()
    {
        // Nobody joins a draft, not even the staff and core team who can see it (archived ones are read-only by the seam).
        var community = Community;
        if (community.Status != CommunityStatus.Active)
        {
            return false;
        }
        var terms = await joining.CurrentTermsAsync(community.Id);
        if (terms is null)
        {
            return false;
        }
        Criteria = terms.Eligibility;
        HomeRegion = string.IsNullOrWhiteSpace(Criteria.Region) ? portal.NetworkRegion : Criteria.Region;
        Today = LondonTime.Today(clock);
        var professions = await cache.ActiveProfessionsAsync(db);
        Professions = professions.Select(p => new SelectListItem(p.DisplayName, p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        // The same plain-English summary as the Terms of Reference page, so applicants read identical wording.
        WhoCanJoin = EligibilitySummary.Lines(Criteria, professions.ToDictionary(p => p.Id, p => p.DisplayName), portal.NetworkRegion)
            .Select(line => line.ToString()).ToList();

        var userId = UserId;
        if (await db.Memberships.AnyAsync(m => m.CommunityId == community.Id && m.UserId == userId))
        {
            State = JoinPageState.AlreadyMember;
        }
        else if ((OpenRequest = await db.JoinRequests.AsNoTracking().Where(r => r.CommunityId == community.Id && r.ApplicantId == userId)
                     .Where(JoinRequest.OpenFilter).FirstOrDefaultAsync()) is not null)
        {
            State = JoinPageState.AlreadyRequested;
        }
        else if (Criteria.Window is { } window && Today < window.Opens)
        {
            State = JoinPageState.NotYetOpen;
        }
        else if (Criteria.Window is { } closed && Today > closed.Closes)
        {
            State = JoinPageState.Closed;
        }
        else
        {
            State = JoinPageState.Form;
        }
        return true;
    }

    private void SizeLists()
    {
        while (Input.Declarations.Count < Criteria.RequiredDeclarations.Count)
        {
            Input.Declarations.Add(null);
        }
        while (Input.QuestionAnswers.Count < Criteria.Questions.Count)
        {
            Input.QuestionAnswers.Add(null);
        }
        Input.Declarations = Input.Declarations.Take(Criteria.RequiredDeclarations.Count).ToList();
        Input.QuestionAnswers = Input.QuestionAnswers.Take(Criteria.Questions.Count).ToList();
    }

    private ApplicationAnswers ToAnswers()
    {
        var outOfRegion = !string.Equals(Input.Region, HomeRegion, StringComparison.OrdinalIgnoreCase);
        var organisation = Criteria.Organisation;
        return new ApplicationAnswers
        {
            ProfessionId = Input.ProfessionId,
            CareerStage = Input.CareerStage,
            JobTitle = Input.JobTitle?.Trim(),
            Organisation = Input.Organisation?.Trim(),
            Region = Input.Region,
            NoLocalCoPExplanation = outOfRegion && Criteria.RegionRule == RegionRule.OutOfRegionIfNoLocalCoP ? Input.NoLocalCoPExplanation?.Trim() : null,
            MeetsSeniority = string.IsNullOrWhiteSpace(Criteria.SeniorityRequirement) ? null : Input.MeetsSeniority,
            SeniorityExplanation = string.IsNullOrWhiteSpace(Criteria.SeniorityRequirement) ? null : Blank(Input.SeniorityExplanation),
            WorksInSetting = string.IsNullOrWhiteSpace(Criteria.SettingRequirement) ? null : Input.WorksInSetting,
            SettingExplanation = string.IsNullOrWhiteSpace(Criteria.SettingRequirement) ? null : Blank(Input.SettingExplanation),
            RepresentsOrganisation = organisation.MustRepresentOrganisation ? Input.RepresentsOrganisation : null,
            BasedInEngland = organisation.MustBeBasedInEngland ? Input.BasedInEngland : null,
            DeliversHealthOrSocialCare = organisation.MustDeliverHealthOrSocialCare ? Input.DeliversHealthOrSocialCare : null,
            OrganisationType = organisation.ExcludedOrganisationTypes.Count > 0 ? Input.OrganisationType : null,
            Declarations = Input.Declarations.Select(d => d == true).ToList(),
            QuestionAnswers = Input.QuestionAnswers.Select(a => a?.Trim() ?? "").ToList(),
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public enum JoinPageState
{
    Form,
    AlreadyMember,
    AlreadyRequested,
    NotYetOpen,
    Closed,
}
