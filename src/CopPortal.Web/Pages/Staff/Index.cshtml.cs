using CopPortal.Domain.Data;
using CopPortal.Domain.Messaging;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Staff;

public class IndexModel(CopDbContext db, TimeProvider clock) : PageModel
{
    public int FailedEmails { get; private set; }
    public int OpenInvitations { get; private set; }

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow();
        FailedEmails = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Failed);
        OpenInvitations = await db.Invitations.CountAsync(i => i.UsedAt == null && i.RevokedAt == null && i.ExpiresAt > now);
    }
}
