using System.Net;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopPortal.Web.Tests.Foundation;

/// <summary>Two instances of the portal on one database, as behind a load balancer (PostgreSQL in the Postgres run).</summary>
public sealed class MultiInstanceTests : IDisposable
{
    private readonly PortalFactory _first = new(PortalFactory.DefaultProvider(), demoData: false);
    private readonly PortalFactory _second;

    public MultiInstanceTests()
    {
        _second = new PortalFactory(_first);
    }

    private async Task StartBothTogetherAsync()
    {
        // Each host migrates and seeds reference data as it starts; both start on the empty database at once.
        await Task.WhenAll(Task.Run(() => _first.Server), Task.Run(() => _second.Server));
    }

    [Fact]
    public async Task Two_instances_start_together_on_an_empty_database_and_seed_reference_data_once()
    {
        await StartBothTogetherAsync();

        Assert.Equal(HttpStatusCode.OK, (await _first.CreateClient().GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _second.CreateClient().GetAsync("/health/ready")).StatusCode);
        await _first.WithDbAsync(async db =>
        {
            Assert.Equal(ReferenceData.Professions.Count, await db.Professions.CountAsync());
            Assert.Equal(ReferenceData.EmailDomains.Count, await db.AllowedEmailDomains.CountAsync());
            Assert.Equal(1, await db.TermsTemplates.CountAsync());
            Assert.Equal(NetworkRoles.All.Count, await db.Roles.CountAsync());
        });
    }

    [Fact]
    public async Task Seeding_reference_data_again_while_another_instance_seeds_adds_nothing_twice()
    {
        await StartBothTogetherAsync();
        await _first.WithDbAsync(async db =>
        {
            db.Professions.RemoveRange(db.Professions);
            db.DeclineReasonTemplates.RemoveRange(db.DeclineReasonTemplates);
            await db.SaveChangesAsync();
        });

        // Many seedings at once, on both instances, each with its own connection: the check-then-insert of one
        // must not interleave with another's.
        var seedings = Enumerable.Range(0, 6).Select(i => Task.Run(() => (i % 2 == 0 ? _first : _second).WithServicesAsync(services =>
            ReferenceData.EnsureAsync(services.GetRequiredService<CopDbContext>(), services.GetRequiredService<Microsoft.AspNetCore.Identity.RoleManager<Microsoft.AspNetCore.Identity.IdentityRole>>(), TimeProvider.System))));
        await Task.WhenAll(seedings);

        await _first.WithDbAsync(async db =>
        {
            Assert.Equal(ReferenceData.Professions.Count, await db.Professions.CountAsync());
            Assert.Equal(5, await db.DeclineReasonTemplates.CountAsync());
        });
    }

    [Fact]
    public async Task A_sign_in_on_one_instance_is_honoured_by_the_other()
    {
        await StartBothTogetherAsync();
        await _first.CreateUserAsync("two.servers@nhs.net");
        // One browser, two servers: the cookies it holds go to whichever server the balancer picks.
        var cookies = new System.Net.CookieContainer();
        using var toFirst = _first.CreateDefaultClient(new CookieContainerHandler(cookies));
        using var toSecond = _second.CreateDefaultClient(new CookieContainerHandler(cookies));

        await toFirst.AsAsync("two.servers@nhs.net");
        var onSecond = await toSecond.GetAsync("/my");

        Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode);
        Assert.Contains("Test Person", await onSecond.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // A form rendered by one server (its antiforgery token) is accepted when posted to the other.
        var profileForm = await toFirst.GetPageAsync("/account/profile");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)profileForm.QuerySelector("main form[method=post]")!;
        var saved = await toSecond.PostFormAsync(form, Html.Form(("Input.DisplayName", "Renamed On Second")), "/account/profile");
        // A token the other server cannot read is refused with 400.
        Assert.True(saved.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"Got {(int)saved.StatusCode}");
        // Both servers read and wrote the same key ring, kept in the database.
        Assert.True(await _first.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()));
    }

    [Fact]
    public async Task A_change_saved_on_one_instance_shows_on_the_other_within_the_caches_maximum_age()
    {
        await StartBothTogetherAsync();
        var firstCache = _first.Services.GetRequiredService<CommunityCache>();
        var secondCache = _second.Services.GetRequiredService<CommunityCache>();
        async Task<string> FirstProfessionOnSecondAsync() =>
            (await _second.WithDbAsync(db => secondCache.ActiveProfessionsAsync(db))).Single(p => p.SortOrder == 1).Name;
        var before = await FirstProfessionOnSecondAsync();

        await _first.WithDbAsync(async db =>
        {
            (await db.Professions.SingleAsync(p => p.SortOrder == 1)).Name = "Renamed profession";
            await db.SaveChangesAsync();
        });

        // The saving instance clears its own cache at once.
        Assert.Equal("Renamed profession", (await _first.WithDbAsync(db => firstCache.ActiveProfessionsAsync(db))).Single(p => p.SortOrder == 1).Name);
        // The other serves its copy until the documented maximum age, then reads the change.
        _second.Clock.Advance(CommunityCache.MaxAge - TimeSpan.FromSeconds(1));
        Assert.Equal(before, await FirstProfessionOnSecondAsync());
        _second.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("Renamed profession", await FirstProfessionOnSecondAsync());
    }

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
    }
}
