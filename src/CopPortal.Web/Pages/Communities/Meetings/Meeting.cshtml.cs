using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Meetings;
using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Forms.Validators;
using CopPortal.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities.Meetings;

/// <summary>
/// One meeting: its details and joining link (members only), the member's RSVP, and for the core team who is
/// coming and who sent apologies.
/// </summary>
[CommunityOperation(nameof(CommunityOperations.ViewMemberContent))]
public class MeetingModel(CopDbContext db, MeetingScheduler scheduler, UserManager<PortalUser> users, TimeProvider clock) : CommunityPageModel
{
    public Meeting Meeting { get; private set; } = default!;
    public DateTimeOffset Now { get; private set; }
    public MyAnswer? MyResponse { get; private set; }
    public string? SeriesDescription { get; private set; }

    /// <summary>The signed-in member's own reply.</summary>
    public sealed record MyAnswer(RsvpAnswer Answer, string? Message);

    public sealed record ResponseRow(string Name, RsvpAnswer Answer, string? Message, DateTimeOffset RespondedAt);

    /// <summary>
    /// How many names of each answer the page lists before "and N more": a big CoP's meeting can have hundreds of
    /// replies, and the counts are what an organiser needs first. ?replies=all lists everyone.
    /// </summary>
    public const int RepliesShown = 50;

    /// <summary>Answers (the first <see cref="RepliesShown"/> of each, or all), for the core team and staff only.</summary>
    public IReadOnlyList<ResponseRow> Responses { get; private set; } = [];
    public int AttendingCount { get; private set; }
    public int ApologiesCount { get; private set; }
    public bool AllReplies { get; private set; }

    [BindProperty]
    public RsvpInput Rsvp { get; set; } = new();

    public bool IsMember => Role is not null;
    public bool TakesAnswers => IsMember && !IsArchived && !Meeting.IsCancelled && Meeting.StartsAt > Now;
    public bool CanOrganise => May(nameof(CommunityOperations.RunCommunity)) && !IsArchived;

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "replies")] string? replies)
    {
        AllReplies = string.Equals(replies, "all", StringComparison.Ordinal);
        await LoadAsync(id);
        if (MyResponse is not null)
        {
            Rsvp = new RsvpInput { Answer = MyResponse.Answer.ToString(), Message = MyResponse.Message };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRespondAsync(int id)
    {
        await LoadAsync(id);
        if (!TakesAnswers)
        {
            ModelState.AddModelError("Rsvp.Answer", Meeting.IsCancelled ? "This meeting has been cancelled, so it is not taking replies" : IsMember ? "This meeting is not taking replies" : "Only members can reply to a meeting");
            return Page();
        }
        if (!await this.ValidateInputAsync(Rsvp, "Rsvp"))
        {
            return Page();
        }
        try
        {
            await scheduler.RespondAsync(Meeting, users.GetUserId(User)!, Enum.Parse<RsvpAnswer>(Rsvp.Answer!), Rsvp.Message);
        }
        catch (MeetingException e)
        {
            ModelState.AddModelError("Rsvp.Answer", e.Message);
            return Page();
        }
        TempData["Success"] = Rsvp.Answer == nameof(RsvpAnswer.Attending) ? "Thank you. The core team knows you will attend." : "Thank you. Your apologies have been sent to the core team.";
        return Redirect(PortalPaths.Meeting(Community.Slug, id));
    }


    /// <summary>The attending and apologies lists' markup is kept under this (null: rendered afresh).</summary>
    public string? RepliesKey { get; private set; }

    private async Task LoadAsync(int id)
    {
        Now = clock.GetUtcNow();
        // What every viewer sees alike is kept (ContentCache); the viewer's own reply is read for them alone.
        var head = await SharedAsync(db, Key("meeting", id), () => s_head.For(db)(db, Community.Id, id)) ?? throw new CommunityChildNotFoundException();
        Meeting = head.Meeting;
        SeriesDescription = head.SeriesRule is null ? null : CadenceRule.FromJson(head.SeriesRule)?.Describe();
        AttendingCount = head.Attending;
        ApologiesCount = head.Apologies;
        if (IsMember && users.GetUserId(User) is { } userId)
        {
            MyResponse = await s_mine.For(db)(db, id, userId);
        }
        if (May(nameof(CommunityOperations.RunCommunity)) && AttendingCount + ApologiesCount > 0)
        {
            var take = AllReplies ? int.MaxValue : RepliesShown;
            Responses = await SharedAsync(db, Key(AllReplies ? "meeting-replies-all" : "meeting-replies", id), async () =>
                // A union keeps no order of its own.
                (IReadOnlyList<ResponseRow>)(await s_replies.For(db)(db, id, take).ToListAsync())
                    .OrderBy(r => r.Answer).ThenBy(r => r.Name, StringComparer.CurrentCulture).ToList());
            RepliesKey = await SharedMarkupKeyAsync(db, Key(AllReplies ? "meeting-replies-all" : "meeting-replies", id));
        }
    }

    private sealed record Head(Meeting Meeting, string? SeriesRule, int Attending, int Apologies);

    // The meeting (in this CoP only), its series' rule and the reply counts in one round trip.
    private static readonly CompiledQuery<Func<CopDbContext, int, int, Task<Head?>>> s_head = new(() =>
        EF.CompileAsyncQuery((CopDbContext db, int communityId, int id) => db.Meetings.AsNoTracking()
            .Where(m => m.CommunityId == communityId && m.Id == id)
            .Select(m => new Head(
                m,
                m.Series == null ? null : m.Series.Rule,
                db.MeetingResponses.Count(r => r.MeetingId == m.Id && r.Answer == RsvpAnswer.Attending),
                db.MeetingResponses.Count(r => r.MeetingId == m.Id && r.Answer == RsvpAnswer.Apologies)))
            .FirstOrDefault()));

    private static readonly CompiledQuery<Func<CopDbContext, int, string, Task<MyAnswer?>>> s_mine = new(() =>
        EF.CompileAsyncQuery((CopDbContext db, int id, string userId) => db.MeetingResponses.AsNoTracking()
            .Where(r => r.MeetingId == id && r.UserId == userId)
            .Select(r => new MyAnswer(r.Answer, r.Message))
            .FirstOrDefault()));

    // Both lists in one round trip: the first names of each answer (alphabetical), or everyone (take = int.MaxValue).
    // The name is read inside each half, so the user table is joined once per reply (through its (Id, DisplayName)
    // covering index) rather than again for the rows kept.
    private static readonly CompiledQuery<Func<CopDbContext, int, int, IAsyncEnumerable<ResponseRow>>> s_replies = new(() =>
        EF.CompileAsyncQuery((CopDbContext db, int id, int take) =>
            db.MeetingResponses.AsNoTracking()
                .Where(r => r.MeetingId == id && r.Answer == RsvpAnswer.Attending)
                .Select(r => new { r.User!.DisplayName, r.UserId, r.Answer, r.Message, r.RespondedAt })
                .OrderBy(r => r.DisplayName).ThenBy(r => r.UserId).Take(take)
                .Concat(db.MeetingResponses.AsNoTracking()
                    .Where(r => r.MeetingId == id && r.Answer == RsvpAnswer.Apologies)
                    .Select(r => new { r.User!.DisplayName, r.UserId, r.Answer, r.Message, r.RespondedAt })
                    .OrderBy(r => r.DisplayName).ThenBy(r => r.UserId).Take(take))
                .Select(r => new ResponseRow(r.DisplayName, r.Answer, r.Message, r.RespondedAt))));
}

/// <summary>A member's answer: attending or apologies, and an optional message with apologies.</summary>
public sealed class RsvpInput
{
    public string? Answer { get; set; }
    public string? Message { get; set; }
}

public sealed class RsvpInputValidator : CopPortal.Web.Infrastructure.Forms.Validators.FormValidator<RsvpInput>
{
    public RsvpInputValidator()
    {
        RuleFor(x => x.Answer).Must(a => a is nameof(RsvpAnswer.Attending) or nameof(RsvpAnswer.Apologies))
            .WithMessage("Select whether you will attend or send apologies");
        RuleFor(x => x.Message).MaxChars(MeetingScheduler.MessageMaxLength, "Your message");
    }
}
