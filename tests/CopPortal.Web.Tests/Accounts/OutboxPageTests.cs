using System.Net;
using CopPortal.Domain.Messaging;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using CopPortal.Domain.Links;

namespace CopPortal.Web.Tests.Accounts;

public sealed class OutboxPageTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    private async Task<Guid> AddAsync(OutboxStatus status, string to, string? error = null, int attempts = 0)
    {
        var message = new OutboxMessage
        {
            Id = Guid.NewGuid(),
            Kind = "test.kind",
            ToAddress = to,
            Subject = "Subject for " + to,
            TextBody = "Body",
            Status = status,
            Attempts = attempts,
            LastError = error,
            CreatedAt = _portal.Clock.GetUtcNow(),
            NextAttemptAt = _portal.Clock.GetUtcNow(),
        };
        await _portal.WithDbAsync(async db =>
        {
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
        });
        return message.Id;
    }

    [Fact]
    public async Task Get_outbox_shows_each_message_and_filters_by_status()
    {
        await AddAsync(OutboxStatus.Sent, "sent@nhs.net", attempts: 1);
        await AddAsync(OutboxStatus.Failed, "failed@nhs.net", "SmtpException: <mailbox unavailable>", 6);
        var client = await _portal.SignedInClientAsync(DemoData.StaffEmail);

        var all = await client.GetPageAsync(PortalPaths.StaffOutbox);
        Assert.Equal(2, all.QuerySelectorAll("tbody tr").Length);

        var failed = await client.GetPageAsync("/staff/outbox?status=Failed");
        var row = failed.QuerySelectorAll("tbody tr").Single();
        var cells = row.QuerySelectorAll("td").Select(td => td.CellText().Trim()).ToList();
        Assert.Equal("18 November 2026 at 10am", cells[0]);
        Assert.Equal("failed@nhs.net", cells[1]);
        Assert.Contains("Subject for failed@nhs.net", cells[2], StringComparison.Ordinal);
        Assert.Contains("Test: kind", cells[2], StringComparison.Ordinal);
        Assert.Equal("Failed", row.QuerySelector(".nhsuk-tag")!.TextContent);
        Assert.StartsWith("6", cells[4], StringComparison.Ordinal);
        // The error is shown as text, not markup.
        Assert.Contains("Last error: SmtpException: <mailbox unavailable>", cells[4], StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector("form[action*='handler=Retry']"));
    }

    [Fact]
    public async Task Post_retry_puts_a_failed_message_back_to_pending()
    {
        var id = await AddAsync(OutboxStatus.Failed, "failed@nhs.net", "SmtpException: refused", 6);
        var client = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        _portal.Clock.Advance(TimeSpan.FromHours(2));

        var response = await client.SubmitFormAsync("/staff/outbox?status=Failed", [], "form[action*='handler=Retry']");

        Assert.Equal("/staff/outbox?status=Pending", AccountTestData.RedirectPath(response));
        var message = await _portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal(0, message.Attempts);
        Assert.Equal(_portal.Clock.GetUtcNow(), message.NextAttemptAt);
    }

    [Fact]
    public async Task Post_retry_of_a_message_that_is_not_failed_changes_nothing()
    {
        var id = await AddAsync(OutboxStatus.Failed, "failed@nhs.net", "SmtpException: refused", 6);
        var client = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var page = await client.GetPageAsync("/staff/outbox?status=Failed");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form[action*='handler=Retry']")!;
        await client.PostFormAsync(form, [], PortalPaths.StaffOutbox);
        await _portal.WithDbAsync(async db =>
        {
            var m = await db.OutboxMessages.SingleAsync(x => x.Id == id);
            m.Status = OutboxStatus.Sent;
            await db.SaveChangesAsync();
        });

        // A second click on the same button.
        var again = await client.PostFormAsync(form, [], PortalPaths.StaffOutbox);

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(OutboxStatus.Sent, await _portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task Post_retry_of_an_unknown_message_is_404()
    {
        var id = await AddAsync(OutboxStatus.Failed, "failed@nhs.net", "x", 6);
        var client = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var page = await client.GetPageAsync(PortalPaths.StaffOutbox);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form[action*='handler=Retry']")!;
        form.Action = form.Action.Replace(id.ToString(), Guid.NewGuid().ToString(), StringComparison.OrdinalIgnoreCase);
        var response = await client.PostFormAsync(form, [], PortalPaths.StaffOutbox);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_requeue_failed_puts_every_failed_message_back_audits_and_says_how_many()
    {
        var first = await AddAsync(OutboxStatus.Failed, "first@nhs.net", "SmtpException: refused", 20);
        var second = await AddAsync(OutboxStatus.Failed, "second@nhs.net", "SmtpException: refused", 20);
        var sent = await AddAsync(OutboxStatus.Sent, "sent@nhs.net", attempts: 1);
        var client = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        _portal.Clock.Advance(TimeSpan.FromHours(2));

        // Offered on every view of the outbox, whatever the filter, with the count.
        var page = await client.GetPageAsync("/staff/outbox?status=Sent");
        Assert.Equal("Try all 2 failed emails again", page.QuerySelector("form[action*='handler=RequeueFailed'] button")!.TextContent.Trim());

        var response = await client.SubmitFormAsync("/staff/outbox?status=Sent", [], "form[action*='handler=RequeueFailed']");

        Assert.Equal("/staff/outbox?status=Pending", AccountTestData.RedirectPath(response));
        var messages = await _portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToDictionaryAsync(m => m.Id));
        foreach (var id in new[] { first, second })
        {
            Assert.Equal((OutboxStatus.Pending, 0, _portal.Clock.GetUtcNow()), (messages[id].Status, messages[id].Attempts, messages[id].NextAttemptAt));
        }
        Assert.Equal((OutboxStatus.Sent, 1), (messages[sent].Status, messages[sent].Attempts));
        var audit = await _portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == CopPortal.Web.Pages.Staff.OutboxModel.RetryAllAction));
        Assert.Equal((DemoData.StaffEmail, "{\"Requeued\":2}"), (audit.UserName, audit.Changes));
        var after = await client.GetPageAsync("/staff/outbox?status=Pending");
        Assert.Contains("2 failed emails will be sent again in the next few seconds", after.MainText(), StringComparison.Ordinal);
        Assert.Null(after.QuerySelector("form[action*='handler=RequeueFailed']"));

        // A second click finds nothing to do and records nothing.
        var again = await client.PostFormAsync((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form[action*='handler=RequeueFailed']")!, [], PortalPaths.StaffOutbox);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await _portal.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == CopPortal.Web.Pages.Staff.OutboxModel.RetryAllAction)));
    }

    [Fact]
    public async Task Post_requeue_failed_without_the_antiforgery_token_is_refused()
    {
        var id = await AddAsync(OutboxStatus.Failed, "failed@nhs.net", "SmtpException: refused", 20);
        var client = await _portal.SignedInClientAsync(DemoData.StaffEmail);

        var response = await client.PostAsync("/staff/outbox?handler=RequeueFailed", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(OutboxStatus.Failed, await _portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));
    }
}
