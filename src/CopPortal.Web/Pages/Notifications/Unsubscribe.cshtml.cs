using CopPortal.Domain.Data;
using CopPortal.Domain.Messaging;
using CopPortal.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Notifications;

/// <summary>
/// One-click unsubscribe from one topic, from the signed link in an email; no sign-in needed. GET only shows a
/// confirm button, because mail scanners open links. POST turns the topic off. A mail client's RFC 8058 one-click
/// POST (body "List-Unsubscribe=One-Click") has no antiforgery token and needs none: the signed token is what
/// proves the right to change this one setting. Every other POST (the confirm button) must carry the token.
/// </summary>
[IgnoreAntiforgeryToken]
public class UnsubscribeModel(CopDbContext db, UnsubscribeLinks links, IAntiforgery antiforgery, TimeProvider clock) : PageModel
{
    public UnsubscribeTokenState State { get; private set; }
    public EmailTopic Topic { get; private set; }
    public bool Done { get; private set; }

    public string TopicLabel => EmailTopics.Label(Topic);

    public async Task<IActionResult> OnGetAsync(string token)
    {
        return await ReadAsync(token) ? Page() : Refused();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        var oneClick = string.Equals(Request.Form["List-Unsubscribe"], "One-Click", StringComparison.Ordinal);
        if (!oneClick && !await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return BadRequest();
        }
        if (!await ReadAsync(token))
        {
            return Refused();
        }
        var request = links.Read(token);
        var row = await db.NotificationPreferences.SingleOrDefaultAsync(p => p.UserId == request.UserId && p.Topic == request.Topic);
        if (row is null)
        {
            db.NotificationPreferences.Add(new NotificationPreference { UserId = request.UserId, Topic = request.Topic, Delivery = EmailDelivery.Off, UpdatedAt = clock.GetUtcNow() });
        }
        else if (row.Delivery != EmailDelivery.Off)
        {
            row.Delivery = EmailDelivery.Off;
            row.UpdatedAt = clock.GetUtcNow();
        }
        await db.SaveChangesAsync();
        Done = true;
        return Page();
    }

    /// <summary>Reads the token; a valid one must also name an account that still exists.</summary>
    private async Task<bool> ReadAsync(string token)
    {
        var request = links.Read(token);
        State = request.State;
        Topic = request.Topic;
        if (State == UnsubscribeTokenState.Valid && !await db.Users.AnyAsync(u => u.Id == request.UserId))
        {
            State = UnsubscribeTokenState.Invalid;
        }
        return State == UnsubscribeTokenState.Valid;
    }

    /// <summary>The page again, saying why the link cannot be used, with a 400 so nothing mistakes it for success.</summary>
    private PageResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
