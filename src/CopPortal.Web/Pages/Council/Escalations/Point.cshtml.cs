using System.Security.Claims;
using CopPortal.Domain.Data;
using CopPortal.Domain.Escalations;
using CopPortal.Domain.Links;
using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Forms.Validators;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Council.Escalations;

/// <summary>
/// One point under the council's review: assign a reviewer, route it, record its outcome (emailed to the CoP's core
/// team), close it; and the comment thread with the core team. Each step posts the stamp it was shown, so two
/// council members acting at once cannot both succeed; an illegal step is refused by the point's state machine.
/// </summary>
public class PointModel(CopDbContext db, EscalationService escalations) : PageModel
{
    public EscalationPoint Point { get; private set; } = default!;
    public List<ReportComment> Comments { get; private set; } = [];
    public List<SelectListItem> CouncilMembers { get; private set; } = [];
    public List<SelectListItem> Destinations { get; private set; } = [];

    [BindProperty]
    public StepInput Input { get; set; } = new();

    [BindProperty]
    public CouncilCommentInput Comment { get; set; } = new();

    public sealed class StepInput
    {
        public Guid Stamp { get; set; }
        public string? AssignTo { get; set; }
        public int? DestinationId { get; set; }
        public string? Outcome { get; set; }
    }

    public sealed class CouncilCommentInput
    {
        public string? Body { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostAssignAsync(int id) => StepAsync(id, StepInputValidator.Assign, async () =>
    {
        var assignee = Input.AssignTo!;
        var isCouncil = await CouncilMembersQuery().AnyAsync(u => u.Id == assignee);
        if (!isCouncil)
        {
            return (Func<EscalationPoint, DateTimeOffset, TransitionResult>)((_, _) => TransitionResult.Refused("Select a council member"));
        }
        return (p, _) => p.StartReview(assignee);
    }, "Point assigned for review");

    public Task<IActionResult> OnPostRouteAsync(int id) => StepAsync(id, StepInputValidator.Route, async () =>
    {
        var destination = await db.EscalationDestinations.FirstOrDefaultAsync(d => d.Id == Input.DestinationId);
        if (destination is null)
        {
            return (Func<EscalationPoint, DateTimeOffset, TransitionResult>)((_, _) => TransitionResult.Refused("Select where the point goes"));
        }
        return (p, now) => p.Route(destination, now);
    }, "Point routed");

    public Task<IActionResult> OnPostOutcomeAsync(int id) => StepAsync(id, StepInputValidator.Outcome,
        () => Task.FromResult<Func<EscalationPoint, DateTimeOffset, TransitionResult>>((p, now) => p.RecordOutcome(FieldRules.Clean(Input.Outcome), now)),
        "Outcome recorded. We have emailed the community's core team");

    public Task<IActionResult> OnPostCloseAsync(int id) => StepAsync(id, null,
        () => Task.FromResult<Func<EscalationPoint, DateTimeOffset, TransitionResult>>((p, now) => p.Close(now)),
        "Point closed");

    public async Task<IActionResult> OnPostCommentAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!await this.ValidateInputAsync(Comment, nameof(Comment)))
        {
            return Page();
        }
        var role = User.IsInRole(NetworkRoles.CouncilMember) ? "Council" : "Network team";
        await escalations.AddCommentAsync(Point.Report!, Point.Id, User.FindFirstValue(ClaimTypes.NameIdentifier)!, role, FieldRules.Clean(Comment.Body));
        TempData["Success"] = "Comment added";
        return Redirect(PortalPaths.CouncilEscalation(id) + "#discussion");
    }

    private async Task<IActionResult> StepAsync(int id, string? ruleSet, Func<Task<Func<EscalationPoint, DateTimeOffset, TransitionResult>>> prepare, string done)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (ruleSet is not null && !await this.ValidateInputAsync(Input, ruleSet: ruleSet))
        {
            return Page();
        }
        var step = await prepare();
        var problem = await escalations.ActAsync(Point, Input.Stamp, step);
        if (problem is not null)
        {
            // Show the point as it is now, with the refusal.
            await LoadAsync(id);
            ModelState.AddModelError("", problem);
            return Page();
        }
        TempData["Success"] = done;
        return Redirect(PortalPaths.CouncilEscalation(id));
    }

    private IQueryable<PortalUser> CouncilMembersQuery() =>
        from userRole in db.UserRoles
        join role in db.Roles on userRole.RoleId equals role.Id
        join user in db.Users on userRole.UserId equals user.Id
        where role.Name == NetworkRoles.CouncilMember
        select user;

    private async Task<bool> LoadAsync(int id)
    {
        db.ChangeTracker.Clear();
        var point = await db.EscalationPoints
            .Include(p => p.Report).ThenInclude(r => r!.Meeting)
            .Include(p => p.Report).ThenInclude(r => r!.SubmittedBy)
            .Include(p => p.Community)
            .Include(p => p.AssignedTo)
            .Include(p => p.Destination)
            .FirstOrDefaultAsync(p => p.Id == id && p.Status != PointStatus.Draft);
        if (point is null)
        {
            return false;
        }
        Point = point;
        Comments = await db.ReportComments.AsNoTracking().Where(c => c.PointId == id).Include(c => c.Author)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync();
        CouncilMembers = await CouncilMembersQuery().OrderBy(u => u.DisplayName)
            .Select(u => new SelectListItem(u.DisplayName, u.Id)).ToListAsync();
        Destinations = await db.EscalationDestinations.AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.SortOrder).ThenBy(d => d.Name)
            .Select(d => new SelectListItem(d.Name, d.Id.ToString())).ToListAsync();
        return true;
    }
}

/// <summary>Each step's own field, checked by its rule set.</summary>
public sealed class StepInputValidator : FormValidator<PointModel.StepInput>
{
    public const string Assign = "Assign";
    public const string Route = "Route";
    public const string Outcome = "Outcome";

    public StepInputValidator()
    {
        RuleSet(Assign, () => RuleFor(x => x.AssignTo).Required("Select a council member"));
        RuleSet(Route, () => RuleFor(x => x.DestinationId).Bound("Select where the point goes").NotNull().WithMessage("Select where the point goes"));
        RuleSet(Outcome, () => RuleFor(x => x.Outcome).Required("Enter the outcome").MaxChars(EscalationPoint.OutcomeMaxLength, "Outcome"));
    }
}

public sealed class CouncilCommentValidator : FormValidator<PointModel.CouncilCommentInput>
{
    public CouncilCommentValidator()
    {
        RuleFor(x => x.Body).Required("Enter your comment").MaxChars(ReportComment.BodyMaxLength, "Comment");
    }
}
