using System.Globalization;
using System.Security.Claims;
using CopPortal.Domain.Actions;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Meetings;
using CopPortal.Domain.Minutes;
using CopPortal.Web.Infrastructure;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Forms.Validators;
using CopPortal.Web.Infrastructure.Pdf;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities.Meetings;

/// <summary>What the minutes pages share: the meeting, every revision, the latest, and the one this viewer sees.</summary>
public abstract class MinutesPageBase(CopDbContext db, MinutesService service, PortalOptions portal) : CommunityPageModel
{
    public Meeting Meeting { get; private set; } = default!;

    /// <summary>Every revision, oldest first (members only ever see published ones).</summary>
    public List<MeetingMinutes> Revisions { get; private set; } = [];

    /// <summary>The latest revision, whatever its state (null: nobody has started the minutes).</summary>
    public MeetingMinutes? Current => Revisions.Count == 0 ? null : Revisions[^1];

    /// <summary>The core team and staff see the minutes in every state; members see only published revisions.</summary>
    public bool SeesDrafts => May(nameof(CommunityOperations.RunCommunity));

    public IEnumerable<MeetingMinutes> VisibleRevisions => SeesDrafts ? Revisions : Revisions.Where(r => r.PublishedAt is not null);

    public MinutesView? View { get; protected set; }

    /// <summary>The minutes document's markup is kept under this (null: rendered afresh).</summary>
    public string? DocumentKey { get; private set; }
    public bool Print { get; protected set; }

    protected CopDbContext Db => db;
    protected MinutesService Service => service;

    private sealed record Head(Meeting Meeting, List<MeetingMinutes> Revisions);

    // The meeting (in this CoP only) and every revision of its minutes in one round trip.
    private static readonly CompiledQuery<Func<CopDbContext, int, int, Task<Head?>>> s_head = new(() =>
        EF.CompileAsyncQuery((CopDbContext db, int communityId, int id) => db.Meetings.AsNoTracking()
            .Where(m => m.CommunityId == communityId && m.Id == id)
            .Select(m => new Head(m, db.MeetingMinutes.Where(r => r.MeetingId == m.Id).OrderBy(r => r.Revision).ToList()))
            .FirstOrDefault()));

    /// <summary>
    /// How many open actions the minutes page lists under matters arising (soonest due first), with a link to the
    /// actions page for the rest. The print view and the PDF list them all.
    /// </summary>
    public const int MattersArisingShown = 20;

    protected async Task LoadAsync(int id)
    {
        var head = await SharedAsync(db, Key("minutes-head", id), () => s_head.For(db)(db, Community.Id, id)) ?? throw new CommunityChildNotFoundException();
        Meeting = head.Meeting;
        Revisions = head.Revisions;
    }

    protected async Task ShowAsync(MeetingMinutes? minutes)
    {
        View = minutes is null ? null : await SharedAsync(db, Key("minutes", minutes.Id, Print), async () =>
            await MinutesView.LoadAsync(db, service, portal.NetworkName, Community.Name, Meeting, minutes, Print ? null : MattersArisingShown) with
            {
                AllActionsUrl = PortalPaths.Actions(Community.Slug),
            });
        DocumentKey = minutes is null ? null : await SharedMarkupKeyAsync(db, Key("minutes-document", minutes.Id, Print));
    }
}

/// <summary>
/// A meeting's minutes. The secretary (or chair, or staff) starts them from the agenda, writes key points and
/// decisions per item and the actions agreed, and submits them; the chair approves them (name and time recorded)
/// or returns them with comments; once approved they are read-only and the secretary publishes them to members
/// (email) and may share them with the Workforce Council. A correction makes a new revision with a reason and
/// keeps the old one. Two people editing one draft: the second save is refused and shows what changed.
/// </summary>
[CommunityOperation(nameof(CommunityOperations.ViewMemberContent))]
public class MinutesModel(CopDbContext db, MinutesService service, PortalOptions portal, IPdfRenderer pdf, TimeProvider clock) : MinutesPageBase(db, service, portal)
{
    public bool PdfAvailable => pdf.IsAvailable;
    public bool CanDraft => May(nameof(CommunityOperations.RunCommunity)) && !IsArchived;
    public bool CanApprove => May(nameof(CommunityOperations.ChairCommunity)) && !IsArchived;
    public bool IsHeld => Meeting.IsHeldBy(clock.GetUtcNow());

    /// <summary>Where the second editor's text differs from what the first saved.</summary>
    public List<(string Where, string Yours, string Saved)> Conflicts { get; } = [];

    public List<SelectListItem> MemberChoices { get; private set; } = [];

    [BindProperty]
    public MinutesDraftInput Draft { get; set; } = new();

    [BindProperty]
    public MinutesActionInput NewAction { get; set; } = new();

    [BindProperty]
    public string? ReturnComment { get; set; }

    [BindProperty]
    public string? CorrectionReason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, bool print = false)
    {
        await LoadAsync(id);
        Print = this.IsPrintMode(print);
        var shown = SeesDrafts ? Current : Revisions.LastOrDefault(r => r.PublishedAt is not null);
        if (Print && shown is null)
        {
            return NotFound();
        }
        await ShowAsync(shown);
        if (!Print)
        {
            await PrepareFormsAsync(fillDraft: true);
        }
        return Page();
    }

    [CommunityOperation(nameof(CommunityOperations.RunCommunity))]
    public async Task<IActionResult> OnPostStartAsync(int id)
    {
        await LoadAsync(id);
        if (Current is not null)
        {
            return Back(id);
        }
        if (!IsHeld)
        {
            return await RefuseAsync("", "Minutes can be written once the meeting has started");
        }
        var agenda = await Db.Agendas.AsNoTracking().Include(a => a.Items).FirstOrDefaultAsync(a => a.MeetingId == id);
        var me = await MeAsync();
        var minutes = Service.NewMinutes(Meeting, agenda, me.Id, me.Name);
        minutes.ChairedBy = await DefaultChairAsync();
        Db.MeetingMinutes.Add(minutes);
        try
        {
            await Db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Someone started them at the same moment (unique meeting + revision): theirs is the draft to use.
        }
        TempData["Success"] = agenda is null ? "Minutes started" : "Minutes started from the agenda";
        return Back(id);
    }

    [CommunityOperation(nameof(CommunityOperations.RunCommunity))]
    public async Task<IActionResult> OnPostSaveAsync(int id)
    {
        await LoadAsync(id);
        if (await SaveDraftAsync() is { } refused)
        {
            return refused;
        }
        TempData["Success"] = "Draft saved";
        return Back(id);
    }

    [CommunityOperation(nameof(CommunityOperations.RunCommunity))]
    public async Task<IActionResult> OnPostSubmitAsync(int id)
    {
        await LoadAsync(id);
        if (await SaveDraftAsync(submit: true) is { } refused)
        {
            return refused;
        }
        TempData["Success"] = "Minutes saved and sent to the chair for approval";
        return Back(id);
    }

    [CommunityOperation(nameof(CommunityOperations.ChairCommunity))]
    public async Task<IActionResult> OnPostReturnAsync(int id)
    {
        await LoadAsync(id);
        if (Current?.Status != MinutesStatus.Submitted)
        {
            return await RefuseAsync("", "These minutes are not waiting for approval");
        }
        var comment = FieldRules.Clean(ReturnComment);
        if (comment.Length == 0)
        {
            return await RefuseAsync(nameof(ReturnComment), "Enter what needs to change before you can approve the minutes");
        }
        if (comment.Length > MeetingMinutes.ReasonMaxLength)
        {
            return await RefuseAsync(nameof(ReturnComment), FieldRules.TooLong("Your comments", MeetingMinutes.ReasonMaxLength));
        }
        var tracked = await TrackedCurrentAsync();
        var me = await MeAsync();
        tracked.Status = MinutesStatus.Returned;
        tracked.ReturnedAt = clock.GetUtcNow();
        tracked.ReturnedByName = me.Name;
        tracked.ReturnComment = comment;
        if (await SaveTransitionAsync(tracked, id) is { } overtaken)
        {
            return overtaken;
        }
        TempData["Success"] = "Minutes returned to the secretary with your comments";
        return Back(id);
    }

    [CommunityOperation(nameof(CommunityOperations.ChairCommunity))]
    public async Task<IActionResult> OnPostApproveAsync(int id)
    {
        await LoadAsync(id);
        if (Current?.Status != MinutesStatus.Submitted)
        {
            return await RefuseAsync("", "These minutes are not waiting for approval");
        }
        var tracked = await TrackedCurrentAsync();
        var me = await MeAsync();
        tracked.Status = MinutesStatus.Approved;
        tracked.ApprovedAt = clock.GetUtcNow();
        tracked.ApprovedById = me.Id;
        tracked.ApprovedByName = me.Name;
        if (await SaveTransitionAsync(tracked, id) is { } overtaken)
        {
            return overtaken;
        }
        TempData["Success"] = "Minutes approved. They are now read-only; the secretary can publish them to members";
        return Back(id);
    }

    [CommunityOperation(nameof(CommunityOperations.RunCommunity))]
    public async Task<IActionResult> OnPostPublishAsync(int id)
    {
        await LoadAsync(id);
        if (Current?.Status != MinutesStatus.Approved)
        {
            return await RefuseAsync("", "Only minutes the chair has approved can be published");
        }
        var tracked = await TrackedCurrentAsync();
        tracked.Status = MinutesStatus.Published;
        tracked.PublishedAt = clock.GetUtcNow();
        tracked.PublishedById = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var count = await Service.QueueMinutesPublishedAsync(Meeting, tracked, Community.Name, Community.Slug);
        // The emails are in the same save: if another press published them first, none are queued twice.
        if (await SaveTransitionAsync(tracked, id) is { } overtaken)
        {
            return overtaken;
        }
        TempData["Success"] = $"Minutes published: {count} members will get an email";
        return Back(id);
    }

    [CommunityOperation(nameof(CommunityOperations.RunCommunity))]
    public async Task<IActionResult> OnPostShareAsync(int id)
    {
        await LoadAsync(id);
        if (Current?.Status != MinutesStatus.Published)
        {
            return await RefuseAsync("", "Only published minutes can be shared with the Workforce Council");
        }
        var tracked = await TrackedCurrentAsync();
        tracked.SharedWithCouncilAt ??= clock.GetUtcNow();
        await Db.SaveChangesAsync();
        TempData["Success"] = "Minutes shared with the Workforce Council";
        return Back(id);
    }

    [CommunityOperation(nameof(CommunityOperations.RunCommunity))]
    public async Task<IActionResult> OnPostCorrectAsync(int id)
    {
        await LoadAsync(id);
        if (Current?.Status is not (MinutesStatus.Approved or MinutesStatus.Published))
        {
            return await RefuseAsync("", "Only approved minutes are corrected with a new revision; drafts can simply be edited");
        }
        var reason = FieldRules.Clean(CorrectionReason);
        if (reason.Length == 0)
        {
            return await RefuseAsync(nameof(CorrectionReason), "Enter why the minutes need correcting");
        }
        if (reason.Length > MeetingMinutes.ReasonMaxLength)
        {
            return await RefuseAsync(nameof(CorrectionReason), FieldRules.TooLong("Why they need correcting", MeetingMinutes.ReasonMaxLength));
        }
        var latest = await Db.MeetingMinutes.Include(m => m.Items).FirstAsync(m => m.Id == Current.Id);
        var me = await MeAsync();
        var revision = Service.NewRevision(latest, reason, me.Id, me.Name);
        revision.ChairedBy = latest.ChairedBy;
        Db.MeetingMinutes.Add(revision);
        await Db.SaveChangesAsync();
        TempData["Success"] = $"Revision {revision.Revision} started. Revision {latest.Revision} is kept as it was";
        return Back(id);
    }

    [CommunityOperation(nameof(CommunityOperations.RunCommunity))]
    public async Task<IActionResult> OnPostAddActionAsync(int id)
    {
        await LoadAsync(id);
        if (Current is not { IsEditable: true })
        {
            return await RefuseAsync("", "Actions can be added while the minutes are a draft");
        }
        await this.ValidateInputAsync(NewAction, nameof(NewAction));
        var ownerName = FieldRules.Clean(NewAction.OwnerName);
        string? ownerId = string.IsNullOrWhiteSpace(NewAction.OwnerUserId) ? null : NewAction.OwnerUserId;
        if (ModelState.IsValid && ownerId is not null)
        {
            // A member of this CoP only: the list offers no one else, and a posted id of anyone else is refused.
            var member = await Db.Memberships.AsNoTracking()
                .Where(m => m.CommunityId == Community.Id && m.UserId == ownerId)
                .Select(m => m.User!.DisplayName).FirstOrDefaultAsync();
            if (member is null)
            {
                ModelState.AddModelError($"{nameof(NewAction)}.{nameof(MinutesActionInput.OwnerUserId)}", "Choose a member of this community, or enter the name of the person");
            }
            ownerName = member ?? "";
        }
        if (!ModelState.IsValid)
        {
            await ShowAsync(Current);
            await PrepareFormsAsync(fillDraft: true);
            return Page();
        }
        var now = clock.GetUtcNow();
        var action = new CommunityAction
        {
            CommunityId = Community.Id,
            MeetingId = Meeting.Id,
            Description = FieldRules.Clean(NewAction.Description),
            OwnerUserId = ownerId,
            OwnerName = ownerName,
            DueOn = NewAction.DueOn.Value,
            Status = ActionStatus.Open,
            CreatedAt = now,
            UpdatedAt = now,
            CreatedById = User.FindFirstValue(ClaimTypes.NameIdentifier),
        };
        Db.Actions.Add(action);
        await Db.SaveChangesAsync();
        TempData["Success"] = $"Action added for {ownerName}";
        return Redirect(PortalPaths.MeetingMinutes(Community.Slug, id) + "#actions");
    }

    [CommunityOperation(nameof(CommunityOperations.RunCommunity))]
    public async Task<IActionResult> OnPostDeleteActionAsync(int id, int actionId)
    {
        await LoadAsync(id);
        var action = await Db.Actions.FirstOrDefaultAsync(a => a.Id == actionId && a.MeetingId == id && a.CommunityId == Community.Id)
            ?? throw new CommunityChildNotFoundException();
        if (Current is not { IsEditable: true })
        {
            return await RefuseAsync("", "Actions can be removed only while the minutes are a draft; once approved, close them on the actions page");
        }
        Db.Actions.Remove(action);
        await Db.SaveChangesAsync();
        TempData["Success"] = "Action removed";
        return Redirect(PortalPaths.MeetingMinutes(Community.Slug, id) + "#actions");
    }

    /// <summary>
    /// Saves the draft form (and submits it). A form opened on an older stamp than the draft's is refused: the page
    /// shows the person's own text still in the form and, for each field someone else changed, both texts.
    /// </summary>
    private async Task<IActionResult?> SaveDraftAsync(bool submit = false)
    {
        if (Current is not { IsEditable: true })
        {
            return await RefuseAsync("", "These minutes cannot be edited now: they are waiting for approval or have been approved");
        }
        if (!await this.ValidateInputAsync(Draft, nameof(Draft)))
        {
            await ShowAsync(Current);
            await PrepareFormsAsync(fillDraft: false);
            return Page();
        }
        var tracked = await Db.MeetingMinutes.Include(m => m.Items).FirstAsync(m => m.Id == Current.Id);
        if (tracked.ConcurrencyStamp != Draft.Stamp)
        {
            return await ConflictAsync(tracked);
        }
        var me = await MeAsync();
        tracked.ChairedBy = Optional(Draft.ChairedBy);
        tracked.OtherNotes = Optional(Draft.OtherNotes);
        foreach (var item in tracked.Items)
        {
            if (Draft.Items.FirstOrDefault(i => i.Id == item.Id) is { } posted)
            {
                item.KeyPoints = Optional(posted.KeyPoints);
                item.Decisions = Optional(posted.Decisions);
            }
        }
        tracked.UpdatedAt = clock.GetUtcNow();
        tracked.UpdatedByName = me.Name;
        tracked.ConcurrencyStamp = Guid.NewGuid();
        if (submit)
        {
            tracked.Status = MinutesStatus.Submitted;
            tracked.SubmittedAt = tracked.UpdatedAt;
        }
        try
        {
            await Db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another save landed between our read and our write: compare with what it saved.
            Db.ChangeTracker.Clear();
            return await ConflictAsync(await Db.MeetingMinutes.Include(m => m.Items).AsNoTracking().FirstAsync(m => m.Id == Current.Id));
        }
        return null;
    }

    private async Task<IActionResult> ConflictAsync(MeetingMinutes saved)
    {
        void Compare(string where, string? yours, string? theirs)
        {
            var mine = FieldRules.Clean(yours);
            var other = FieldRules.Clean(theirs);
            if (!string.Equals(mine, other, StringComparison.Ordinal))
            {
                Conflicts.Add((where, mine, other));
            }
        }
        Compare("Chaired by", Draft.ChairedBy, saved.ChairedBy);
        foreach (var item in saved.Items.OrderBy(i => i.Position))
        {
            var posted = Draft.Items.FirstOrDefault(i => i.Id == item.Id);
            Compare($"{item.Position}. {item.Title}: key points", posted?.KeyPoints, item.KeyPoints);
            Compare($"{item.Position}. {item.Title}: decisions", posted?.Decisions, item.Decisions);
        }
        Compare("Other notes", Draft.OtherNotes, saved.OtherNotes);
        var when = CopPortal.Domain.Time.LondonTime.DateTime(saved.UpdatedAt);
        ModelState.AddModelError("", saved.IsEditable
            ? $"{saved.UpdatedByName ?? "Someone"} saved these minutes ({when}) while you were editing, so yours were not saved. Your text is still in the form: compare it with theirs below, then save again to keep yours."
            : $"{saved.UpdatedByName ?? "Someone"} changed these minutes ({when}) while you were editing, and they can no longer be edited. Copy your text below before leaving the page.");
        // The form keeps the person's own text; its stamp becomes the saved one, so saving again is a deliberate choice.
        ModelState.Remove($"{nameof(Draft)}.{nameof(MinutesDraftInput.Stamp)}");
        Draft.Stamp = saved.ConcurrencyStamp;
        Revisions[^1] = saved;
        await ShowAsync(saved);
        await PrepareFormsAsync(fillDraft: false);
        return Page();
    }

    /// <summary>
    /// Saves a change of status to the minutes as this request found them. If another request changed them in the
    /// meantime (a double click, or two people at once), nothing is saved and the page shows what they are now,
    /// rather than a second approval or a second set of emails, or an error.
    /// </summary>
    private async Task<IActionResult?> SaveTransitionAsync(MeetingMinutes tracked, int id)
    {
        Db.Entry(tracked).Property(m => m.ConcurrencyStamp).OriginalValue = Current!.ConcurrencyStamp;
        tracked.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await Db.SaveChangesAsync();
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            Db.ChangeTracker.Clear();
            TempData["Notice"] = "These minutes were changed by someone else at the same moment. This is how they are now.";
            return Back(id);
        }
    }

    private async Task<IActionResult> RefuseAsync(string key, string message)
    {
        ModelState.AddModelError(key, message);
        await ShowAsync(SeesDrafts ? Current : Revisions.LastOrDefault(r => r.PublishedAt is not null));
        await PrepareFormsAsync(fillDraft: true);
        return Page();
    }

    private async Task PrepareFormsAsync(bool fillDraft)
    {
        if (Current is not { IsEditable: true } || !CanDraft)
        {
            return;
        }
        if (fillDraft)
        {
            Draft = new MinutesDraftInput
            {
                Stamp = Current.ConcurrencyStamp,
                ChairedBy = Current.ChairedBy,
                OtherNotes = Current.OtherNotes,
                Items = View!.Items.Select(i => new MinutesItemInput { Id = i.Id, KeyPoints = i.KeyPoints, Decisions = i.Decisions }).ToList(),
            };
        }
        MemberChoices = (await Db.Memberships.AsNoTracking().Where(m => m.CommunityId == Community.Id && m.User!.ClosedAt == null)
                .Select(m => new { m.UserId, m.User!.DisplayName }).ToListAsync())
            .OrderBy(m => m.DisplayName, StringComparer.CurrentCulture)
            .Select(m => new SelectListItem(m.DisplayName, m.UserId))
            .ToList();
    }

    private async Task<MeetingMinutes> TrackedCurrentAsync() => await Db.MeetingMinutes.FirstAsync(m => m.Id == Current!.Id);

    private async Task<(string? Id, string Name)> MeAsync()
    {
        var id = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var name = await Db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync();
        return (id, name ?? "Network team");
    }

    /// <summary>The CoP's chairs and co-chairs recorded as attending; otherwise all its chairs (the secretary can change it).</summary>
    private async Task<string?> DefaultChairAsync()
    {
        var chairs = await Db.Memberships.AsNoTracking()
            .Where(m => m.CommunityId == Community.Id && (m.Role == CommunityRole.Chair || m.Role == CommunityRole.CoChair))
            .Select(m => new { m.UserId, m.User!.DisplayName }).ToListAsync();
        var attended = await Db.MeetingAttendance.AsNoTracking()
            .Where(a => a.MeetingId == Meeting.Id && a.Status == AttendanceStatus.Attended && a.UserId != null)
            .Select(a => a.UserId!).ToListAsync();
        var present = chairs.Where(c => attended.Contains(c.UserId)).ToList();
        var names = (present.Count > 0 ? present : chairs).Select(c => c.DisplayName).ToList();
        return names.Count == 0 ? null : string.Join(" and ", names);
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : FieldRules.Clean(text);

    private RedirectResult Back(int id) => Redirect(PortalPaths.MeetingMinutes(Community.Slug, id));
}
