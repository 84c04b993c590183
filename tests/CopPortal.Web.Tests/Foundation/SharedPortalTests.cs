using System.Net;
using CopPortal.Web.Infrastructure.Database;
using CopPortal.Web.Tests.Directory;
using CopPortal.Web.Tests.Joining;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopPortal.Web.Tests.Foundation;

/// <summary>
/// A portal shared by a test class gives each test what a new portal would: whatever an earlier test left behind
/// (rows, the time, cached names, a sign-in pause) is gone. Each test here plays two tests in a row on its own portal.
/// </summary>
public sealed class SharedPortalTests
{
    private const string Caps = JoiningTestData.Caps;

    [Fact]
    public async Task Fresh_puts_back_the_demo_data_the_clock_and_what_pages_cached()
    {
        using var shared = new SharedPortal();
        var portal = shared.Fresh();
        var start = portal.Clock.GetUtcNow();
        var people = await portal.WithDbAsync(db => db.Users.CountAsync());
        var caps = await DirectoryTestData.CommunityAsync(portal, Caps);

        // The first test: a new person, a community renamed through the app (so the staff filter caches the new
        // name), the clock moved on.
        await portal.CreateUserAsync("left.behind@nhs.net");
        await portal.UpdateCommunityAsync(Caps, c => c.Name = "Renamed By An Earlier Test");
        Assert.Contains("Renamed By An Earlier Test", await CachedNamesAsync(portal));
        portal.Clock.Advance(TimeSpan.FromDays(3));

        // The next test.
        Assert.Same(portal, shared.Fresh());
        Assert.Equal(start, portal.Clock.GetUtcNow());
        Assert.Equal(people, await portal.WithDbAsync(db => db.Users.CountAsync()));
        Assert.False(await portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "left.behind@nhs.net")));
        var options = await CachedNamesAsync(portal);
        Assert.Contains(caps.Name, options);
        Assert.DoesNotContain("Renamed By An Earlier Test", options);
    }

    [Fact]
    public async Task A_sign_in_pause_from_an_earlier_test_does_not_apply()
    {
        using var shared = new SharedPortal();
        var portal = shared.Fresh();
        var client = portal.CreateBrowserClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await client.SubmitFormAsync("/account/sign-in", Html.Form(("Input.Email", DemoData.MemberEmail), ("Input.Password", "not-the-password-" + attempt)));
        }
        var paused = await client.SubmitFormAsync("/account/sign-in", Html.Form(("Input.Email", DemoData.MemberEmail), ("Input.Password", DemoData.Password)));
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);

        shared.Fresh();
        var response = await portal.CreateBrowserClient().SubmitFormAsync("/account/sign-in", Html.Form(("Input.Email", DemoData.MemberEmail), ("Input.Password", DemoData.Password)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public void A_setting_changed_on_a_started_shared_portal_fails_rather_than_being_ignored()
    {
        using var shared = new SharedPortal();
        shared.Fresh();
        shared.Settings["Retention:SentMailDays"] = "14";

        var error = Assert.Throws<InvalidOperationException>(() => shared.Fresh());
        Assert.Contains("new PortalFactory", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The community names as pages read them: from the in-memory cache, filled from the database if empty.</summary>
    private static async Task<List<string>> CachedNamesAsync(PortalFactory portal)
    {
        var names = new List<string>();
        await portal.WithServicesAsync(async services =>
        {
            var cache = services.GetRequiredService<CopPortal.Domain.Communities.CommunityCache>();
            names = (await cache.NamesAsync(services.GetRequiredService<CopPortal.Domain.Data.CopDbContext>())).Select(c => c.Name).ToList();
        });
        return names;
    }
}
