using System.Net;
using CopPortal.Domain.Messaging;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Tests.Notifications;

/// <summary>/my/notifications over HTTP: one fieldset per topic, saving, refusing bad input whole, and the audit.</summary>
public sealed class NotificationSettingsTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private const string Url = "/my/notifications";
    private readonly PortalFactory _portal = shared.Fresh();

    private Task<List<NotificationPreference>> ChoicesAsync(string email) =>
        _portal.WithDbAsync(db => db.NotificationPreferences.AsNoTracking()
            .Where(p => db.Users.Any(u => u.Id == p.UserId && u.Email == email)).OrderBy(p => p.Topic).ToListAsync());

    [Fact]
    public async Task Page_has_a_fieldset_with_a_legend_per_topic_and_no_daily_summary_for_invitations()
    {
        var client = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var page = await client.GetPageAsync(Url);

        Assert.Equal("Choose your emails", page.Title?.Split(" - ")[0].Trim());
        var legends = page.QuerySelectorAll("main form fieldset legend").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal(EmailTopics.All.Select(EmailTopics.Heading), legends);
        Assert.Equal(["Immediately", "Off"], page.QuerySelectorAll("input[name='Input.MeetingInvitations']").Select(i => i.GetAttribute("value")));
        Assert.Equal(["Immediately", "DailyDigest", "Off"], page.QuerySelectorAll("input[name='Input.ForumReplies']").Select(i => i.GetAttribute("value")));
        // Nothing chosen yet: everything is straight away.
        Assert.Equal(6, page.QuerySelectorAll("input[value='Immediately'][checked]").Length);
        Assert.Contains("Emails you always get", page.MainText(), StringComparison.Ordinal);
        Assert.Contains("resetting your password", page.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_records_only_the_changed_topics_and_audits_them()
    {
        var client = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var response = await client.SubmitFormAsync(Url, Html.Form(("Input.ForumReplies", "DailyDigest"), ("Input.Actions", "Off")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Url, response.Headers.Location?.OriginalString);
        var choices = await ChoicesAsync(DemoData.MemberEmail);
        Assert.Equal([(EmailTopic.ForumReplies, EmailDelivery.DailyDigest), (EmailTopic.Actions, EmailDelivery.Off)], choices.Select(c => (c.Topic, c.Delivery)));
        var page = await client.GetPageAsync(Url);
        Assert.Contains("Your email choices have been saved", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("DailyDigest", page.QuerySelector("input[name='Input.ForumReplies'][checked]")?.GetAttribute("value"));

        var audited = await _portal.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(NotificationPreference)).ToListAsync());
        Assert.Equal(2, audited.Count);
        Assert.All(audited, a => Assert.Equal(choices[0].UserId, a.UserId));

        // Back to straight away: the row changes, and that is audited too.
        await client.SubmitFormAsync(Url, Html.Form(("Input.ForumReplies", "Immediately")));
        Assert.Equal(EmailDelivery.Immediately, (await ChoicesAsync(DemoData.MemberEmail)).Single(c => c.Topic == EmailTopic.ForumReplies).Delivery);
        Assert.Equal(3, await _portal.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(NotificationPreference))));
    }

    [Theory]
    [InlineData("Input.MeetingInvitations", "DailyDigest", "Emails about meeting invitations cannot wait for a daily summary: select straight away or off")]
    [InlineData("Input.ForumReplies", "", "Select how you want to get emails about forum replies")]
    [InlineData("Input.Escalations", "2", "Select how you want to get emails about Triple-A escalations")]
    [InlineData("Input.JoinDecisions", "Sometimes", "Select how you want to get emails about your requests to join communities")]
    public async Task Bad_input_is_refused_with_a_clear_message_and_nothing_is_saved(string field, string value, string message)
    {
        var client = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        // A valid change in the same form must not be half-saved.
        var fields = Html.Form(("Input.Actions", "Off"));
        fields[field] = value;
        var response = await client.SubmitFormAsync(Url, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.StartsWith("Error: Choose your emails", page.Title, StringComparison.Ordinal);
        Assert.Equal([message], page.ErrorSummary());
        Assert.Empty(await ChoicesAsync(DemoData.MemberEmail));
    }

    [Fact]
    public async Task Home_page_and_profile_link_to_the_settings()
    {
        var client = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        Assert.NotNull((await client.GetPageAsync("/my")).QuerySelector($"main a[href='{Url}']"));
        Assert.NotNull((await client.GetPageAsync("/account/profile")).QuerySelector($"main a[href='{Url}']"));
    }
}
