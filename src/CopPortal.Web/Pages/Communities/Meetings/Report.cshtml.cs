using System.Security.Claims;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Escalations;
using CopPortal.Domain.Links;
using CopPortal.Domain.Meetings;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Forms.Validators;
using CopPortal.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities.Meetings;

/// <summary>
/// A held meeting's Triple-A report: the core team drafts it (content, then points), a chair, co-chair or secretary
/// submits it; afterwards the CoP reads it, follows up with comments, talks with the council about each point and
/// may share a point's outcome with its members. Council members and staff review points on /council.
/// </summary>
[CommunityOperation(nameof(CommunityOperations.RunCommunity))]
public class ReportModel(CopDbContext db, EscalationService escalations, TimeProvider clock) : CommunityPageModel
{
    public Meeting Meeting { get; private set; } = default!;
    public TripleAReport? Report { get; private set; }
    public List<ReportComment> Comments { get; private set; } = [];

    [BindProperty]
    public ContentInput Input { get; set; } = new();

    [BindProperty]
    public PointInput Point { get; set; } = new();

    [BindProperty]
    public CommentInput Comment { get; set; } = new();

    public sealed class ContentInput
    {
        public string? Content { get; set; }
        public Guid? Stamp { get; set; }
    }

    public sealed class PointInput
    {
        public TripleACategory? Category { get; set; }
        public PointKind? Kind { get; set; }
        public string? Title { get; set; }
        public string? Detail { get; set; }
        public string? SuggestedDestination { get; set; }
    }

    public sealed class CommentInput
    {
        public int? PointId { get; set; }
        public string? Body { get; set; }
    }

    public bool MaySubmit => May(nameof(CommunityOperations.SubmitReport));
    public bool IsDraft => Report is null || !Report.IsSubmitted;

    public static IEnumerable<SelectListItem> CategoryItems =>
    [
        new("Advise – for the council's information or advice", nameof(TripleACategory.Advise)),
        new("Assure – something is working well or is under control", nameof(TripleACategory.Assure)),
        new("Alert – a risk or concern the council needs to act on", nameof(TripleACategory.Alert)),
    ];

    public static IEnumerable<SelectListItem> KindItems =>
    [
        new("Escalation", nameof(PointKind.Escalation)),
        new("Commendation", nameof(PointKind.Commendation)),
    ];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        await LoadAsync(id);
        Input.Content = Report?.Content;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id)
    {
        await LoadAsync(id);
        if (ReadOnlyAfterSubmission() is { } done)
        {
            return done;
        }
        if (!await this.ValidateInputAsync(Input))
        {
            return Page();
        }
        Report ??= escalations.NewDraft(Meeting, UserId);
        Report.Content = FieldRules.Clean(Input.Content);
        if (!await escalations.SaveAsync(Report, Input.Stamp))
        {
            return await RefusedAsync(id, EscalationService.ConcurrencyMessage);
        }
        TempData["Success"] = "Draft saved";
        return Redirect(PortalPaths.MeetingReport(Community.Slug, id));
    }

    public async Task<IActionResult> OnPostAddPointAsync(int id)
    {
        await LoadAsync(id);
        if (ReadOnlyAfterSubmission() is { } done)
        {
            return done;
        }
        Input.Content = Report?.Content;
        if (!await this.ValidateInputAsync(Point, nameof(Point)))
        {
            return Page();
        }
        Report ??= escalations.NewDraft(Meeting, UserId);
        Report.Points.Add(new EscalationPoint
        {
            CommunityId = Community.Id,
            Category = Point.Category!.Value,
            Kind = Point.Kind!.Value,
            Title = FieldRules.Clean(Point.Title),
            Detail = FieldRules.Clean(Point.Detail),
            SuggestedDestination = string.IsNullOrWhiteSpace(Point.SuggestedDestination) ? null : FieldRules.Clean(Point.SuggestedDestination),
        });
        await escalations.SaveAsync(Report, null);
        TempData["Success"] = $"Point added: {FieldRules.Clean(Point.Title)}";
        return Redirect(PortalPaths.MeetingReport(Community.Slug, id) + "#points");
    }

    public async Task<IActionResult> OnPostRemovePointAsync(int id, int pointId)
    {
        await LoadAsync(id);
        if (ReadOnlyAfterSubmission() is { } done)
        {
            return done;
        }
        var point = Report?.Points.FirstOrDefault(p => p.Id == pointId);
        if (point is null)
        {
            return NotFound();
        }
        Report!.Points.Remove(point);
        db.EscalationPoints.Remove(point);
        await escalations.SaveAsync(Report, null);
        TempData["Success"] = $"Point removed: {point.Title}";
        return Redirect(PortalPaths.MeetingReport(Community.Slug, id) + "#points");
    }

    [CommunityOperation(nameof(CommunityOperations.SubmitReport))]
    public async Task<IActionResult> OnPostSubmitAsync(int id)
    {
        await LoadAsync(id);
        if (ReadOnlyAfterSubmission() is { } done)
        {
            return done;
        }
        Input.Content = Report?.Content;
        var problem = Report is null ? "Enter the meeting's content and outputs before submitting the report" : EscalationService.SubmitProblem(Report);
        if (problem is null)
        {
            problem = await escalations.SubmitAsync(Report!, UserId, Input.Stamp);
        }
        if (problem is not null)
        {
            return await RefusedAsync(id, problem);
        }
        TempData["Success"] = "Report submitted to the Workforce Council";
        return Redirect(PortalPaths.MeetingReport(Community.Slug, id));
    }

    public async Task<IActionResult> OnPostCommentAsync(int id)
    {
        await LoadAsync(id);
        if (Report is not { IsSubmitted: true })
        {
            return await RefusedAsync(id, "Submit the report before adding comments.");
        }
        if (Comment.PointId is { } pointId && Report.Points.All(p => p.Id != pointId))
        {
            return NotFound();
        }
        if (!await this.ValidateInputAsync(Comment, nameof(Comment)))
        {
            return Page();
        }
        var role = Role is { } r ? CommunityRoles.Label(r) : "Network team";
        await escalations.AddCommentAsync(Report, Comment.PointId, UserId, role, FieldRules.Clean(Comment.Body));
        TempData["Success"] = "Comment added";
        return Redirect(PortalPaths.MeetingReport(Community.Slug, id) + (Comment.PointId is { } p ? $"#point-{p}" : "#follow-up"));
    }

    /// <summary>Shows (or stops showing) one outcome to the CoP's members: the core team's choice, point by point.</summary>
    public async Task<IActionResult> OnPostShareAsync(int id, int pointId, bool share)
    {
        await LoadAsync(id);
        var point = Report?.Points.FirstOrDefault(p => p.Id == pointId);
        if (point is null)
        {
            return NotFound();
        }
        if (point.Outcome is null)
        {
            return await RefusedAsync(id, "Only an outcome the council has recorded can be shared with members.");
        }
        point.OutcomeSharedWithMembers = share;
        await db.SaveChangesAsync();
        TempData["Success"] = share ? $"Outcome shared with members: {point.Title}" : $"Outcome no longer shown to members: {point.Title}";
        return Redirect(PortalPaths.MeetingReport(Community.Slug, id) + $"#point-{pointId}");
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private RedirectResult? ReadOnlyAfterSubmission()
    {
        if (Report is { IsSubmitted: true })
        {
            TempData["Notice"] = "This report has been submitted, so it can no longer be changed. Add a follow-up comment instead.";
            return Redirect(PortalPaths.MeetingReport(Community.Slug, Meeting.Id));
        }
        return null;
    }

    private async Task<IActionResult> RefusedAsync(int id, string message)
    {
        await LoadAsync(id);
        Input.Content ??= Report?.Content;
        ModelState.AddModelError("", message);
        return Page();
    }

    private async Task LoadAsync(int id)
    {
        Meeting = await LoadChildAsync(db.Meetings.AsNoTracking(), id);
        if (!Meeting.IsHeldBy(clock.GetUtcNow()))
        {
            // A report is about what happened: there is none before the meeting (or for a cancelled one).
            throw new CommunityChildNotFoundException();
        }
        Report = await db.TripleAReports
            .Include(r => r.Points.OrderBy(p => p.Id)).ThenInclude(p => p.Destination)
            .Include(r => r.SubmittedBy)
            .FirstOrDefaultAsync(r => r.MeetingId == id && r.CommunityId == Community.Id);
        Comments = Report is null ? [] : await db.ReportComments.AsNoTracking()
            .Where(c => c.ReportId == Report.Id)
            .Include(c => c.Author)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .ToListAsync();
    }
}

public sealed class ReportContentValidator : FormValidator<ReportModel.ContentInput>
{
    public ReportContentValidator()
    {
        RuleFor(x => x.Content).MaxChars(TripleAReport.ContentMaxLength, "Meeting content and outputs");
    }
}

public sealed class ReportPointValidator : FormValidator<ReportModel.PointInput>
{
    public ReportPointValidator()
    {
        RuleFor(x => x.Category).Bound("Select Advise, Assure or Alert").NotNull().WithMessage("Select Advise, Assure or Alert");
        RuleFor(x => x.Kind).Bound("Select whether this is an escalation or a commendation").NotNull().WithMessage("Select whether this is an escalation or a commendation");
        RuleFor(x => x.Title).Required("Enter a short title for the point").MaxChars(EscalationPoint.TitleMaxLength, "Title").SingleLine("Title");
        RuleFor(x => x.Detail).Required("Enter the detail of the point").MaxChars(EscalationPoint.DetailMaxLength, "Detail");
        RuleFor(x => x.SuggestedDestination).MaxChars(EscalationPoint.DestinationMaxLength, "Suggested destination").SingleLine("Suggested destination");
    }
}

public sealed class ReportCommentValidator : FormValidator<ReportModel.CommentInput>
{
    public ReportCommentValidator()
    {
        RuleFor(x => x.Body).Required("Enter your comment").MaxChars(ReportComment.BodyMaxLength, "Comment");
    }
}
