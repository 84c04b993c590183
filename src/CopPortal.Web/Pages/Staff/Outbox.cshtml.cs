using System.Text.Json;
using CopPortal.Domain.Auditing;
using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Messaging;
using CopPortal.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Staff;

public class OutboxModel(CopDbContext db, TimeProvider clock, ICurrentActor actor, CopPortal.Domain.Joining.JoinQueueCounts counts) : PageModel
{
    private const int PageSize = 30;

    [BindProperty(SupportsGet = true)]
    public OutboxStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public List<OutboxMessage> Messages { get; private set; } = [];
    public Pager Pager { get; private set; } = default!;

    /// <summary>All failed emails, whatever the filter, for the "try all again" button.</summary>
    public int FailedCount { get; private set; }

    public static string Label(OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => "Waiting to send",
        OutboxStatus.Sent => "Sent",
        OutboxStatus.Failed => "Failed",
        OutboxStatus.Skipped => "Not sent: turned off by the person",
        OutboxStatus.Held => "Waiting for the daily summary",
        OutboxStatus.Digested => "Sent in a daily summary",
        _ => status.ToString(),
    };

    public static string TagClass(OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => "nhsuk-tag--blue",
        OutboxStatus.Sent => "nhsuk-tag--green",
        OutboxStatus.Digested => "nhsuk-tag--green",
        OutboxStatus.Held => "nhsuk-tag--blue",
        OutboxStatus.Skipped => "nhsuk-tag--grey",
        _ => "nhsuk-tag--red",
    };

    public async Task OnGetAsync()
    {
        var query = db.OutboxMessages.AsNoTracking();
        if (Status is { } status)
        {
            query = query.Where(m => m.Status == status);
        }
        Pager = new Pager(PageNumber, PageSize, await query.CountAsync(), PortalPaths.StaffOutbox, new Dictionary<string, string?> { ["status"] = Status?.ToString() });
        FailedCount = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Failed);
        Messages = await query.OrderByDescending(m => m.CreatedAt).ThenBy(m => m.Id).Skip(Pager.Skip).Take(PageSize).ToListAsync();
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id)
    {
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == id);
        if (message is null)
        {
            return NotFound();
        }
        if (message.Status != OutboxStatus.Failed)
        {
            // A double click, or another member of staff got there first.
            TempData["Notice"] = $"The email to {message.ToAddress} is not failed, so it was left as it is";
            return Redirect(PortalPaths.StaffOutbox);
        }
        OutboxProcessor.Retry(message, clock.GetUtcNow());
        await db.SaveChangesAsync();
        TempData["Success"] = $"The email to {message.ToAddress} will be sent again in the next few seconds";
        return Redirect(PortalPaths.WithQuery(PortalPaths.StaffOutbox, ("status", "Pending")));
    }

    /// <summary>After a mail server outage: every failed email back in the queue at once, recorded with the count.</summary>
    public async Task<IActionResult> OnPostRequeueFailedAsync()
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var requeued = await OutboxProcessor.RetryAllFailedAsync(db, now);
        if (requeued == 0)
        {
            TempData["Notice"] = "There are no failed emails to try again";
            return Redirect(PortalPaths.StaffOutbox);
        }
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = now,
            UserId = actor.UserId,
            UserName = actor.UserName,
            Action = RetryAllAction,
            EntityType = nameof(OutboxMessage),
            Changes = JsonSerializer.Serialize(new Dictionary<string, int> { ["Requeued"] = requeued }),
        });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        // A bulk update passes by the tracker, so the staff home's failed-email count is dropped here.
        counts.Changed();
        TempData["Success"] = requeued == 1
            ? "1 failed email will be sent again in the next few seconds"
            : $"{requeued} failed emails will be sent again in the next few seconds";
        return Redirect(PortalPaths.WithQuery(PortalPaths.StaffOutbox, ("status", "Pending")));
    }

    public const string RetryAllAction = "outbox.retry-all-failed";
}
