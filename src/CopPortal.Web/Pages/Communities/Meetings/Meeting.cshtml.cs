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
    public MeetingResponse? MyResponse { get; private set; }
    public string? SeriesDescription { get; private set; }

    public sealed record ResponseRow(string Name, RsvpAnswer Answer, string? Message, DateTimeOffset RespondedAt);

    /// <summary>Answers, for the core team and staff only.</summary>
    public IReadOnlyList<ResponseRow> Responses { get; private set; } = [];

    [BindProperty]
    public RsvpInput Rsvp { get; set; } = new();

    public bool IsMember => Role is not null;
    public bool TakesAnswers => IsMember && !IsArchived && !Meeting.IsCancelled && Meeting.StartsAt > Now;
    public bool CanOrganise => May(nameof(CommunityOperations.RunCommunity)) && !IsArchived;

    public async Task<IActionResult> OnGetAsync(int id)
    {
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

    private async Task LoadAsync(int id)
    {
        Now = clock.GetUtcNow();
        Meeting = await LoadChildAsync(db.Meetings.AsNoTracking(), id);
        var userId = users.GetUserId(User);
        MyResponse = await db.MeetingResponses.AsNoTracking().FirstOrDefaultAsync(r => r.MeetingId == id && r.UserId == userId);
        if (Meeting.SeriesId is int seriesId)
        {
            var rule = await db.MeetingSeries.AsNoTracking().Where(s => s.Id == seriesId).Select(s => s.Rule).FirstOrDefaultAsync();
            SeriesDescription = CadenceRule.FromJson(rule)?.Describe();
        }
        if (May(nameof(CommunityOperations.RunCommunity)))
        {
            Responses = await db.MeetingResponses.AsNoTracking().Where(r => r.MeetingId == id)
                .OrderBy(r => r.Answer).ThenBy(r => r.User!.DisplayName)
                .Select(r => new ResponseRow(r.User!.DisplayName, r.Answer, r.Message, r.RespondedAt))
                .ToListAsync();
        }
    }
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
