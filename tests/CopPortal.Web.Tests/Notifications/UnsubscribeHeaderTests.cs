using CopPortal.Domain.Data;
using CopPortal.Domain.Messaging;
using CopPortal.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CopPortal.Web.Tests.Notifications;

/// <summary>
/// What a topic email carries on a real SMTP conversation: RFC 8058 List-Unsubscribe headers and a footer link,
/// absolute from PublicBaseUrl; the link works as the one-click POST a mail client makes. Account emails carry none.
/// </summary>
public sealed class UnsubscribeHeaderTests : IAsyncDisposable
{
    private const string PublicBaseUrl = "https://cop.example.nhs.uk";
    private readonly SmtpTestServer _smtp = new();
    private readonly PortalFactory _portal = new(PortalFactory.DefaultProvider(), demoData: false);

    public UnsubscribeHeaderTests()
    {
        _portal.Settings["PublicBaseUrl"] = PublicBaseUrl;
        _portal.Settings["Mail:Transport"] = "Smtp";
        _portal.Settings["Mail:SmtpHost"] = "127.0.0.1";
        _portal.Settings["Mail:SmtpPort"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _portal.Settings["Mail:SmtpTimeoutSeconds"] = "10";
    }

    private MimeMessage Received(string subject)
    {
        var mail = _smtp.Received.Single(m => m.Data.Contains("Subject: " + subject, StringComparison.Ordinal));
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mail.Data));
        return MimeMessage.Load(stream);
    }

    [Fact]
    public async Task Topic_email_carries_one_click_unsubscribe_headers_and_link_that_turn_off_its_topic()
    {
        var jo = await _portal.CreateUserAsync("jo.headers@test.nhs.uk", "Jo Headers");
        await _portal.EnqueueTopicAsync(jo, EmailTopic.ForumReplies, "New reply in Waiting lists");
        Assert.Equal(1, await _portal.DeliverAsync());

        var mime = Received("New reply in Waiting lists");
        var header = mime.Headers["List-Unsubscribe"];
        Assert.Matches($"^<{System.Text.RegularExpressions.Regex.Escape(PublicBaseUrl)}/notifications/unsubscribe/[A-Za-z0-9_-]+>$", header);
        Assert.Equal("List-Unsubscribe=One-Click", mime.Headers["List-Unsubscribe-Post"]);
        var url = header!.Trim('<', '>');
        Assert.Contains($"Unsubscribe from emails about forum replies: {url}", mime.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Choose which emails you get: {PublicBaseUrl}/my/notifications", mime.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{url}\"", mime.HtmlBody, StringComparison.Ordinal);

        // What a mail client does with the headers: POST the body RFC 8058 names, with no cookies or token.
        var client = _portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var response = await client.PostAsync(new Uri(url).PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var choice = await _portal.WithDbAsync(db => db.NotificationPreferences.AsNoTracking().SingleAsync(p => p.UserId == jo.Id));
        Assert.Equal((EmailTopic.ForumReplies, EmailDelivery.Off), (choice.Topic, choice.Delivery));
    }

    [Fact]
    public async Task Account_email_has_no_unsubscribe_and_the_daily_summary_links_to_the_settings()
    {
        var jo = await _portal.CreateUserAsync("jo.account.headers@test.nhs.uk", "Jo Account");
        await _portal.WithServicesAsync(async sp =>
        {
            sp.GetRequiredService<AccountEmails>().QueuePasswordChanged(jo, _portal.Clock.GetUtcNow());
            await sp.GetRequiredService<CopDbContext>().SaveChangesAsync();
        });
        await _portal.ChooseAsync(jo.Id, EmailTopic.Actions, EmailDelivery.DailyDigest);
        await _portal.EnqueueTopicAsync(jo, EmailTopic.Actions, "An action for you");
        Assert.Equal(1, await _portal.DeliverAsync());
        _portal.Clock.Set(new DateTimeOffset(2026, 11, 19, 7, 0, 0, TimeSpan.Zero));
        Assert.Single(await _portal.RunDigestJobAsync());
        Assert.Equal(1, await _portal.DeliverAsync());

        var account = Received("Your password for the");
        Assert.Null(account.Headers["List-Unsubscribe"]);
        Assert.DoesNotContain("Unsubscribe", account.TextBody, StringComparison.Ordinal);

        var summary = Received("Your daily summary: 1 update");
        Assert.Null(summary.Headers["List-Unsubscribe"]);
        Assert.Contains($"Choose which emails you get: {PublicBaseUrl}/my/notifications", summary.TextBody, StringComparison.Ordinal);
        Assert.Contains("<h2", summary.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("An action for you", summary.TextBody, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        _portal.Dispose();
        await _smtp.DisposeAsync();
    }
}
