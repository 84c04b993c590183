using System.Net;
using CopPortal.Domain.Messaging;
using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopPortal.Web.Tests.Notifications;

/// <summary>The signed one-click unsubscribe page, without signing in: confirm on GET, turn off on POST, refuse bad tokens.</summary>
public sealed class UnsubscribeTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    private string LinkFor(PortalUser user, EmailTopic topic) =>
        Domain.Links.PortalPaths.Unsubscribe(_portal.Services.GetRequiredService<UnsubscribeLinks>().Token(user.Id, topic));

    private Task<List<(EmailTopic Topic, EmailDelivery Delivery)>> ChoicesAsync(PortalUser user) =>
        _portal.WithDbAsync(async db => (await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == user.Id).ToListAsync())
            .Select(p => (p.Topic, p.Delivery)).ToList());

    private static FormUrlEncodedContent OneClick() => new([new("List-Unsubscribe", "One-Click")]);

    [Fact]
    public async Task Get_shows_a_confirm_button_and_changes_nothing()
    {
        var jo = await _portal.CreateUserAsync("jo.get@test.nhs.uk", "Jo Get");
        var response = await _portal.CreateBrowserClient().GetAsync(LinkFor(jo, EmailTopic.ForumReplies));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Unsubscribe from emails about forum replies", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal("Unsubscribe", page.QuerySelector("main form[method=post] button")?.TextContent.Trim());
        Assert.Empty(await ChoicesAsync(jo));
    }

    [Fact]
    public async Task Confirm_button_turns_off_that_topic_only_and_is_audited()
    {
        var jo = await _portal.CreateUserAsync("jo.confirm@test.nhs.uk", "Jo Confirm");
        await _portal.ChooseAsync(jo.Id, EmailTopic.Actions, EmailDelivery.DailyDigest);
        var response = await _portal.CreateBrowserClient().SubmitFormAsync(LinkFor(jo, EmailTopic.ForumReplies), []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You will not get emails about forum replies any more.", (await Html.ParseAsync(response)).MainText(), StringComparison.Ordinal);
        Assert.Equal([(EmailTopic.ForumReplies, EmailDelivery.Off), (EmailTopic.Actions, EmailDelivery.DailyDigest)], (await ChoicesAsync(jo)).OrderBy(c => c.Topic == EmailTopic.Actions));
        Assert.True(await _portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(NotificationPreference) && a.Action == "Added" && a.EntityId == jo.Id + ",ForumReplies")));
    }

    [Fact]
    public async Task One_click_post_from_a_mail_client_works_without_antiforgery_or_sign_in()
    {
        var jo = await _portal.CreateUserAsync("jo.oneclick@test.nhs.uk", "Jo One Click");
        await _portal.ChooseAsync(jo.Id, EmailTopic.MinutesAndAgendas, EmailDelivery.Immediately);
        var client = _portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        var response = await client.PostAsync(LinkFor(jo, EmailTopic.MinutesAndAgendas), OneClick());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([(EmailTopic.MinutesAndAgendas, EmailDelivery.Off)], await ChoicesAsync(jo));
    }

    [Fact]
    public async Task Any_other_post_without_antiforgery_is_refused_and_changes_nothing()
    {
        var jo = await _portal.CreateUserAsync("jo.forged@test.nhs.uk", "Jo Forged");
        var response = await _portal.CreateBrowserClient().PostAsync(LinkFor(jo, EmailTopic.ForumReplies), new FormUrlEncodedContent([new("List-Unsubscribe", "Yes please")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await ChoicesAsync(jo));
    }

    [Fact]
    public async Task Tampered_token_is_refused_clearly_on_get_and_post()
    {
        var jo = await _portal.CreateUserAsync("jo.tampered@test.nhs.uk", "Jo Tampered");
        var link = LinkFor(jo, EmailTopic.ForumReplies);
        // Change one character in the middle of the signed token.
        var at = link.Length - 20;
        var tampered = link[..at] + (link[at] == 'A' ? 'B' : 'A') + link[(at + 1)..];
        var client = _portal.CreateBrowserClient();

        var get = await client.GetAsync(tampered);
        Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
        var page = await Html.ParseAsync(get);
        Assert.Equal("This unsubscribe link does not work", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Null(page.QuerySelector("main form"));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync(tampered, OneClick())).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/notifications/unsubscribe/not-a-token")).StatusCode);
        Assert.Empty(await ChoicesAsync(jo));
    }

    [Fact]
    public async Task Expired_token_is_refused_with_a_way_to_the_settings_page()
    {
        var jo = await _portal.CreateUserAsync("jo.expired@test.nhs.uk", "Jo Expired");
        var link = LinkFor(jo, EmailTopic.ForumReplies);
        var client = _portal.CreateBrowserClient();

        _portal.Clock.Advance(UnsubscribeLinks.Lifetime - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link)).StatusCode);

        _portal.Clock.Advance(TimeSpan.FromMinutes(2));
        var response = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("This unsubscribe link has expired", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("main a[href='/my/notifications']"));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync(link, OneClick())).StatusCode);
        Assert.Empty(await ChoicesAsync(jo));
    }
}
