using CopPortal.Domain.Links;
using System.Security.Claims;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using CopPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Staff.JoinRequests;

/// <summary>One request: the answers beside each criterion and its pre-check, the applicant's history, and the decisions.</summary>
public class ReviewModel(CopDbContext db, JoinRequestService joining, CommunityCache cache) : PageModel
{
    public const int MaxTextLength = 4000;

    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public JoinRequest JoinRequest { get; private set; } = default!;

    /// <summary>What the page shows of the applicant, the community and the ToR version the request was checked against.</summary>
    public RequestContext Context { get; private set; } = default!;
    public string? DecidedByName { get; private set; }
    public string? InformationRequestedByName { get; private set; }
    public List<(string Name, string Slug, CommunityRole Role)> Memberships { get; private set; } = [];
    public List<(int Id, string Community, DateTimeOffset SubmittedAt, JoinRequestStatus Status)> PastRequests { get; private set; } = [];
    public IReadOnlyList<DeclineReasonTemplate> Templates { get; private set; } = [];
    public JoinRequestService.AlternativeCommunities Alternatives { get; private set; } = new([], false);

    public IEnumerable<SelectListItem> TemplateItems => Templates.Select(t => new SelectListItem(t.Title, t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public sealed record RequestContext(string ApplicantName, string? ApplicantEmail, string CommunityName, int? Capacity, int MemberCount, int TermsVersionNumber, EligibilityCriteria Criteria)
    {
        public bool CommunityIsFull => Capacity is int capacity && MemberCount >= capacity;
    }

    public sealed class DecisionInput
    {
        public Guid Stamp { get; set; }
        public int? TemplateId { get; set; }
        public string? DeclineDetail { get; set; }
        public string? Question { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id, forDecision: false))
        {
            return NotFound();
        }
        Input.Stamp = JoinRequest.ConcurrencyStamp;
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(int id)
    {
        if (!await LoadAsync(id, forDecision: true))
        {
            return NotFound();
        }
        return await DecideAsync(async () =>
        {
            var status = await joining.ApproveAsync(JoinRequest, StaffId);
            TempData["Success"] = status == JoinRequestStatus.Approved
                ? $"{JoinRequest.Applicant!.DisplayName} is now a member of {JoinRequest.Community!.Name}. We have emailed them."
                : $"{JoinRequest.Community!.Name} is full, so {JoinRequest.Applicant!.DisplayName} is on its waiting list. We have emailed them.";
        });
    }

    public async Task<IActionResult> OnPostDeclineAsync(int id)
    {
        if (!await LoadAsync(id, forDecision: true))
        {
            return NotFound();
        }
        var template = Templates.FirstOrDefault(t => t.Id == Input.TemplateId);
        var detail = Input.DeclineDetail?.Trim();
        var templates = new JoinDecisionInputValidator.Templates(Templates.Select(t => t.Id).ToHashSet());
        if (!await this.ValidateInputAsync(Input, context: templates, ruleSet: JoinDecisionInputValidator.Decline))
        {
            return Page();
        }
        var reason = string.Join(" ", new[] { template?.Text, detail }.Where(s => !string.IsNullOrEmpty(s)));
        return await DecideAsync(async () =>
        {
            await joining.DeclineAsync(JoinRequest, StaffId, reason);
            TempData["Success"] = $"You declined the request from {JoinRequest.Applicant!.DisplayName} to join {JoinRequest.Community!.Name}. We have emailed them the reason.";
        });
    }

    public async Task<IActionResult> OnPostRequestInformationAsync(int id)
    {
        if (!await LoadAsync(id, forDecision: true))
        {
            return NotFound();
        }
        var question = Input.Question?.Trim();
        if (!await this.ValidateInputAsync(Input, ruleSet: JoinDecisionInputValidator.RequestInformation))
        {
            return Page();
        }
        return await DecideAsync(async () =>
        {
            await joining.RequestInformationAsync(JoinRequest, StaffId, question!);
            TempData["Success"] = $"We have emailed {JoinRequest.Applicant!.DisplayName} your question. The request returns to the queue when they answer.";
        });
    }

    private string StaffId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    /// <summary>Runs a decision as long as nobody else changed the request since this page was opened.</summary>
    private async Task<IActionResult> DecideAsync(Func<Task> decision)
    {
        db.Entry(JoinRequest).Property(r => r.ConcurrencyStamp).OriginalValue = Input.Stamp;
        if (JoinRequest.ConcurrencyStamp != Input.Stamp)
        {
            TempData["Notice"] = "Someone else changed this request after you opened it. Check it again before you decide.";
            return Redirect(PortalPaths.JoinRequestReview(JoinRequest.Id));
        }
        try
        {
            await decision();
        }
        catch (JoinRequestException ex)
        {
            TempData["Notice"] = ex.Message;
            return Redirect(PortalPaths.JoinRequestReview(JoinRequest.Id));
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData.Remove("Success");
            TempData["Notice"] = "Someone else changed this request after you opened it. Check it again before you decide.";
            return Redirect(PortalPaths.JoinRequestReview(JoinRequest.Id));
        }
        return Redirect(PortalPaths.StaffJoinRequests);
    }

    /// <summary>Loads the request and what the page shows beside it. Only a decision tracks the request for saving.</summary>
    private async Task<bool> LoadAsync(int id, bool forDecision)
    {
        JoinRequest? request;
        if (forDecision)
        {
            // A decision changes the request, the community and the applicant's memberships, so it loads them tracked.
            request = await db.JoinRequests.Include(r => r.Applicant).Include(r => r.Community).Include(r => r.TermsVersion)
                .FirstOrDefaultAsync(r => r.Id == id);
            Context = request is null ? default! : new RequestContext(
                request.Applicant!.DisplayName, request.Applicant.Email, request.Community!.Name, request.Community.Capacity,
                request.Community.MemberCount, request.TermsVersion!.VersionNumber, request.TermsVersion.Eligibility);
        }
        else
        {
            // Viewing reads only the columns the page shows, untracked: most views end without a decision.
            var row = await Queries.RequestToView.For(db)(db, id);
            request = row?.Request;
            Context = row?.Context!;
        }
        if (request is null)
        {
            return false;
        }
        JoinRequest = request;
        var deciders = new[] { request.DecidedById, request.InformationRequestedById }.Where(x => x is not null).ToList();
        var names = deciders.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => deciders.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        DecidedByName = request.DecidedById is null ? null : names.GetValueOrDefault(request.DecidedById);
        InformationRequestedByName = request.InformationRequestedById is null ? null : names.GetValueOrDefault(request.InformationRequestedById);
        var memberships = new List<Queries.MembershipRow>();
        await foreach (var membership in Queries.Memberships.For(db)(db, request.ApplicantId))
        {
            memberships.Add(membership);
        }
        Memberships = memberships.Select(m => (m.Name, m.Slug, m.Role)).ToList();
        PastRequests = [];
        await foreach (var past in Queries.OtherRequests.For(db)(db, request.ApplicantId, request.Id))
        {
            PastRequests.Add((past.Id, past.Community, past.SubmittedAt, past.Status));
        }
        Templates = await cache.DeclineReasonsAsync(db);
        if (request.AwaitsDecision)
        {
            Alternatives = await joining.AlternativesAsync(request, memberships.Select(m => m.CommunityId).ToHashSet());
        }
        return true;
    }

    /// <summary>
    /// The page's fixed-shape queries, compiled once: staff open this page for every request they process, and
    /// building and looking up a LINQ query each time cost more than running it.
    /// </summary>
    private static class Queries
    {
        public sealed record RequestRow(JoinRequest Request, RequestContext Context);
        public sealed record MembershipRow(int CommunityId, string Name, string Slug, CommunityRole Role);
        public sealed record OtherRequestRow(int Id, string Community, DateTimeOffset SubmittedAt, JoinRequestStatus Status);

        public static readonly CompiledQuery<Func<CopDbContext, int, Task<RequestRow?>>> RequestToView = new(() => EF.CompileAsyncQuery(
            (CopDbContext db, int id) => db.JoinRequests.AsNoTracking()
                .Where(r => r.Id == id)
                .Select(r => new RequestRow(r, new RequestContext(r.Applicant!.DisplayName, r.Applicant.Email, r.Community!.Name,
                    r.Community.Capacity, r.Community.MemberCount, r.TermsVersion!.VersionNumber, r.TermsVersion.Eligibility)))
                .FirstOrDefault()));

        public static readonly CompiledQuery<Func<CopDbContext, string, IAsyncEnumerable<MembershipRow>>> Memberships = new(() => EF.CompileAsyncQuery(
            (CopDbContext db, string userId) => db.Memberships.AsNoTracking()
                .Where(m => m.UserId == userId)
                .OrderBy(m => m.Community!.Name)
                .Select(m => new MembershipRow(m.CommunityId, m.Community!.Name, m.Community.Slug, m.Role))));

        public static readonly CompiledQuery<Func<CopDbContext, string, int, IAsyncEnumerable<OtherRequestRow>>> OtherRequests = new(() => EF.CompileAsyncQuery(
            (CopDbContext db, string userId, int requestId) => db.JoinRequests.AsNoTracking()
                .Where(r => r.ApplicantId == userId && r.Id != requestId)
                .OrderByDescending(r => r.SubmittedAt)
                .Select(r => new OtherRequestRow(r.Id, r.Community!.Name, r.SubmittedAt, r.Status))));
    }
}
