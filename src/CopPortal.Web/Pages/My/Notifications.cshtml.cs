using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Messaging;
using CopPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.My;

/// <summary>
/// One page for every email a person can choose about: per topic straight away, in one daily summary, or off
/// (meeting invitations: straight away or off). Each change is a NotificationPreference row, audited on save.
/// </summary>
[Authorize]
public class NotificationsModel(CopDbContext db, UserManager<CopPortal.Domain.People.PortalUser> users, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>One property per topic, named after it, holding an EmailDelivery name.</summary>
    public sealed class InputModel
    {
        public string? JoinDecisions { get; set; }
        public string? MeetingInvitations { get; set; }
        public string? MinutesAndAgendas { get; set; }
        public string? ForumReplies { get; set; }
        public string? Actions { get; set; }
        public string? Escalations { get; set; }

        public string? this[EmailTopic topic]
        {
            get => topic switch
            {
                EmailTopic.JoinDecisions => JoinDecisions,
                EmailTopic.MeetingInvitations => MeetingInvitations,
                EmailTopic.MinutesAndAgendas => MinutesAndAgendas,
                EmailTopic.ForumReplies => ForumReplies,
                EmailTopic.Actions => Actions,
                EmailTopic.Escalations => Escalations,
                _ => throw new ArgumentOutOfRangeException(nameof(topic)),
            };
            set
            {
                switch (topic)
                {
                    case EmailTopic.JoinDecisions: JoinDecisions = value; break;
                    case EmailTopic.MeetingInvitations: MeetingInvitations = value; break;
                    case EmailTopic.MinutesAndAgendas: MinutesAndAgendas = value; break;
                    case EmailTopic.ForumReplies: ForumReplies = value; break;
                    case EmailTopic.Actions: Actions = value; break;
                    case EmailTopic.Escalations: Escalations = value; break;
                    default: throw new ArgumentOutOfRangeException(nameof(topic));
                }
            }
        }
    }

    public static IEnumerable<SelectListItem> Items(EmailTopic topic) =>
        EmailTopics.Choices(topic).Select(d => new SelectListItem(EmailTopics.ChoiceLabel(d), d.ToString()));

    public async Task<IActionResult> OnGetAsync()
    {
        var userId = users.GetUserId(User);
        if (userId is null)
        {
            return Challenge();
        }
        var current = await CurrentAsync(userId);
        foreach (var topic in EmailTopics.All)
        {
            Input[topic] = current[topic].ToString();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var userId = users.GetUserId(User);
        if (userId is null)
        {
            return Challenge();
        }
        if (!await this.ValidateInputAsync(Input))
        {
            return Page();
        }
        var rows = await db.NotificationPreferences.Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Topic);
        var now = clock.GetUtcNow();
        foreach (var topic in EmailTopics.All)
        {
            var chosen = NotificationsInputValidator.Parse(Input[topic])!.Value;
            if (rows.TryGetValue(topic, out var row))
            {
                if (row.Delivery != chosen)
                {
                    row.Delivery = chosen;
                    row.UpdatedAt = now;
                }
            }
            else if (chosen != NotificationPreferences.Default(topic))
            {
                // Only a choice that differs from the default gets a row: the audit shows what the person changed.
                db.NotificationPreferences.Add(new NotificationPreference { UserId = userId, Topic = topic, Delivery = chosen, UpdatedAt = now });
            }
        }
        await db.SaveChangesAsync();
        TempData["Success"] = "Your email choices have been saved";
        return Redirect(PortalPaths.MyNotifications);
    }

    private async Task<Dictionary<EmailTopic, EmailDelivery>> CurrentAsync(string userId)
    {
        var rows = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Topic, p => p.Delivery);
        return EmailTopics.All.ToDictionary(t => t, t => rows.TryGetValue(t, out var d) ? d : NotificationPreferences.Default(t));
    }
}
