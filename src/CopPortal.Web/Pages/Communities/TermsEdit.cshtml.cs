using CopPortal.Domain.Links;
using System.Security.Claims;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Time;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Security;
using CopPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities;

/// <summary>
/// Chairs, co-chairs and staff change the ToR text, cadence and review date. Every save publishes a new
/// version (with the current eligibility carried over unchanged) and records what changed.
/// </summary>
[CommunityOperation(nameof(CommunityOperations.EditTerms))]
public class TermsEditModel(CopDbContext db, TermsService terms, TimeProvider clock) : CommunityPageModel
{
    [BindProperty]
    public EditInput Input { get; set; } = new();

    public TermsVersion Current { get; private set; } = default!;

    public sealed class EditInput : TermsInput
    {
        public DateInput ReviewDueOn { get; set; } = new();
        public string? ChangeSummary { get; set; }

        /// <summary>The version the form was opened on; a save against an older one is refused.</summary>
        public int BasedOnVersion { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        Current = await CurrentAsync();
        var today = LondonTime.Today(clock);
        var reviewDue = Current.ReviewDueOn <= today.AddDays(TermsReviewReminders.DaysBefore) ? today.AddYears(1) : Current.ReviewDueOn;
        Input = TermsInput.From<EditInput>(Current);
        Input.ReviewDueOn = DateInput.From(reviewDue);
        Input.BasedOnVersion = Current.VersionNumber;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Current = await CurrentAsync();
        await this.ValidateInputAsync(Input);
        var reviewDue = Input.ReviewDueOn.Value;
        if (Input.BasedOnVersion != Current.VersionNumber)
        {
            ModelState.AddModelError("", $"Someone else saved version {Current.VersionNumber} while you were editing. Your changes have not been saved: open the Terms of Reference again and make them on the new version.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var content = new EditedTerms();
        content.CopyContentFrom(Current);
        Input.ApplyTo(content);
        var tracked = await db.Communities.FirstAsync(c => c.Id == Community.Id);
        var version = await terms.PublishAsync(tracked, content, reviewDue!.Value, TermsInput.Clean(Input.ChangeSummary), User.FindFirstValue(ClaimTypes.NameIdentifier));
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Two saves of the same version at once: the unique (community, version) index kept the first.
            ModelState.AddModelError("", "Someone else saved the Terms of Reference at the same moment. Your changes have not been saved: open them again and retry.");
            return Page();
        }
        TempData["Success"] = $"Terms of Reference saved as version {version.VersionNumber}";
        return Redirect(PortalPaths.Terms(Community.Slug));
    }

    /// <summary>The version being edited: the one in force (every CoP has one from its creation).</summary>
    private async Task<TermsVersion> CurrentAsync() =>
        await LoadChildAsync(db.TermsVersions.AsNoTracking().Current(), _ => true);

    private sealed class EditedTerms : TermsContent;
}
