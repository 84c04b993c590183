using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Meetings;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities.Meetings;

/// <summary>
/// Where an invitation's "I will attend" / "Send apologies" link lands: a confirm page (a link alone never changes
/// anything, since mail scanners open links), with the answer already chosen and room for a message. The signed
/// token names the member, so no sign-in is needed; it is only good while they are a member and the meeting takes answers.
/// </summary>
[CommunityOperation(nameof(CommunityOperations.ViewCommunity))]
public class RespondModel(CopDbContext db, MeetingScheduler scheduler, MeetingRsvpTokens tokens) : CommunityPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public RsvpInput Rsvp { get; set; } = new();

    public Meeting Meeting { get; private set; } = default!;
    public string? MemberName { get; private set; }

    /// <summary>Why the link cannot take an answer, or null when it can.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? answer)
    {
        await LoadAsync(id);
        Rsvp.Answer = answer?.ToLowerInvariant() switch
        {
            "attending" => nameof(RsvpAnswer.Attending),
            "apologies" => nameof(RsvpAnswer.Apologies),
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var userId = await LoadAsync(id);
        if (Refusal is not null || userId is null)
        {
            return Page();
        }
        if (!await this.ValidateInputAsync(Rsvp, "Rsvp"))
        {
            return Page();
        }
        try
        {
            await scheduler.RespondAsync(Meeting, userId, Enum.Parse<RsvpAnswer>(Rsvp.Answer!), Rsvp.Message);
        }
        catch (MeetingException e)
        {
            Refusal = e.Message;
            return Page();
        }
        TempData["Success"] = Rsvp.Answer == nameof(RsvpAnswer.Attending)
            ? $"Thank you. The core team knows you will attend {Meeting.Title}."
            : $"Thank you. Your apologies for {Meeting.Title} have been sent to the core team.";
        return Redirect(PortalPaths.Community(Community.Slug));
    }

    private async Task<string?> LoadAsync(int id)
    {
        Meeting = await LoadChildAsync(db.Meetings.AsNoTracking(), id);
        var userId = tokens.UserFor(id, Token);
        var member = userId is null
            ? null
            : await db.Memberships.AsNoTracking().Where(m => m.CommunityId == Community.Id && m.UserId == userId)
                .Select(m => m.User!.DisplayName).FirstOrDefaultAsync();
        MemberName = member;
        Refusal = userId is null ? "This link is not valid. Open the meeting from the community's page to reply."
            : member is null ? "This link is for a member of the community. You can no longer reply with it."
            : IsArchived ? "This community has been archived, so its meetings are not taking replies."
            : Meeting.IsCancelled ? "This meeting has been cancelled, so it is not taking replies."
            : Meeting.StartsAt <= HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow() ? "This meeting has already started, so it is not taking replies."
            : null;
        return Refusal is null ? userId : null;
    }
}
