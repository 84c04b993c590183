using System.Text;
using CopPortal.Domain.Meetings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CopPortal.Web.Pages.Calendar;

/// <summary>
/// A person's calendar feed, fetched by calendar apps without signing in: the secret token in the address is the
/// only credential. Unknown or reset tokens and closed or suspended accounts are all a plain 404, so the answer
/// says nothing about which. The access log records the route pattern, never the token.
/// </summary>
public class FeedModel(CalendarFeeds feeds) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string token)
    {
        var text = await feeds.FeedAsync(token, HttpContext.RequestAborted);
        if (text is null)
        {
            return NotFound();
        }
        // Personal, with joining links: never kept by a shared cache or on disk.
        Response.Headers.CacheControl = "private, no-store";
        return File(Encoding.UTF8.GetBytes(text), "text/calendar; charset=utf-8");
    }
}
