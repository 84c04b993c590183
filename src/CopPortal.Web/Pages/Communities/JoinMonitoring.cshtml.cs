using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using CopPortal.Domain.Links;
using CopPortal.Domain.Time;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities;

/// <summary>
/// Optional equality and diversity monitoring, offered once straight after a request is sent.
/// The answers are stored with no link to the person or the request, so reviewers can never see them, and are
/// never audited (<see cref="CopPortal.Domain.Auditing.IKeptApartFromAudit"/>). A one-time key, held only in the
/// applicant's TempData cookie and stored hashed with the answers, lets each request yield at most one response.
/// </summary>
[CommunityOperation(nameof(CommunityOperations.JoinCommunity))]
public class JoinMonitoringModel(CopDbContext db, TimeProvider clock) : CommunityPageModel
{
    /// <summary>Set when a request is sent; lets the form be used once without linking it to the request.</summary>
    public const string TempDataKey = "MonitoringFor";

    /// <summary>Set with <see cref="TempDataKey"/>: the one-time key whose hash the response is saved under.</summary>
    public const string SubmissionKeyTempDataKey = "MonitoringKey";
    public const string AlreadyRecorded = "Thank you. Your monitoring answers have already been recorded";
    public const string PreferNotToSay = "Prefer not to say";

    [BindProperty]
    public MonitoringInput Input { get; set; } = new();


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

    public async Task<IActionResult> OnGetAsync()
    {
        var slug = Community.Slug;
        if (TempData.Peek(TempDataKey) as string != slug || TempData.Peek(SubmissionKeyTempDataKey) is not string key)
        {
            return Redirect(PortalPaths.My);
        }
        // A replayed cookie whose key has been used gets the outcome, not the form again.
        if (await UsedAsync(EqualityMonitoringResponse.HashSubmissionKey(key)))
        {
            TempData.Remove(TempDataKey);
            TempData.Remove(SubmissionKeyTempDataKey);
            TempData["Success"] = AlreadyRecorded;
            return Redirect(PortalPaths.My);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var slug = Community.Slug;
        if (TempData[TempDataKey] as string != slug || TempData[SubmissionKeyTempDataKey] is not string key)
        {
            return Redirect(PortalPaths.My);
        }
        if (!await this.ValidateInputAsync(Input))
        {
            // Shown again with its errors: the one-time key stays until the form is sent.
            TempData.Keep(TempDataKey);
            TempData.Keep(SubmissionKeyTempDataKey);
            return Page();
        }
        // Redirects keep all TempData, so remove the keys explicitly: the form is used once.
        TempData.Remove(TempDataKey);
        TempData.Remove(SubmissionKeyTempDataKey);
        var keyHash = EqualityMonitoringResponse.HashSubmissionKey(key);
        var response = new EqualityMonitoringResponse
        {
            CommunityId = Community.Id,
            SubmissionKeyHash = keyHash,
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
            // A replay of the same cookie (the browser's back button, or a copied request) must not add a second row.
            if (await UsedAsync(keyHash))
            {
                TempData["Success"] = AlreadyRecorded;
                return Redirect(PortalPaths.My);
            }
            db.EqualityMonitoringResponses.Add(response);
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                // Two copies raced past the check; the unique key kept one. Anything else is a real failure.
                db.ChangeTracker.Clear();
                if (!await UsedAsync(keyHash))
                {
                    throw;
                }
                TempData["Success"] = AlreadyRecorded;
                return Redirect(PortalPaths.My);
            }
        }
        TempData["Success"] = "Thank you. Your monitoring answers have been saved separately from your request";
        return Redirect(PortalPaths.My);
    }

    private Task<bool> UsedAsync(string keyHash) => db.EqualityMonitoringResponses.AnyAsync(r => r.SubmissionKeyHash == keyHash);

    private static string? Pick(string? value, IReadOnlyList<string> options) => value is not null && options.Contains(value) ? value : null;
}
