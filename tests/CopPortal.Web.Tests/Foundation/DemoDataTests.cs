using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Tests.Foundation;

public sealed class DemoDataTests
{
    [Fact]
    public async Task Demo_mode_loads_the_five_communities_and_the_practitioners_core_team()
    {
        using var portal = new PortalFactory();
        _ = portal.Services;
        var communities = await portal.WithDbAsync(db => db.Communities.OrderBy(c => c.Id).Select(c => c.Name).ToListAsync());
        Assert.Equal(
            ["Chief Psychological Professions Officers", "Psychological Practitioners", "Psychological Professionals in Physical Healthcare", "Clinical Associate in Psychology", "Assistant Psychologists and Psychology Students"],
            communities);
        var roles = await portal.WithDbAsync(db => db.Memberships
            .Where(m => m.Community!.Slug == DemoData.PractitionersSlug)
            .Select(m => new { m.User!.Email, m.Role })
            .ToDictionaryAsync(m => m.Email!, m => m.Role));
        Assert.Equal(CommunityRole.Chair, roles[DemoData.ChairEmail]);
        Assert.Equal(CommunityRole.Secretary, roles[DemoData.SecretaryEmail]);
        Assert.Equal(CommunityRole.Member, roles[DemoData.MemberEmail]);
    }

    [Fact]
    public async Task Demo_mode_fills_every_community_with_dozens_of_members_its_count_matches()
    {
        using var portal = new PortalFactory();
        _ = portal.Services;
        var counts = await portal.WithDbAsync(db => db.Communities
            .Select(c => new { c.Slug, c.MemberCount, c.Capacity, Rows = db.Memberships.Count(m => m.CommunityId == c.Id) })
            .ToListAsync());
        Assert.All(counts, c =>
        {
            // The directory shows MemberCount; it must be the number of membership rows.
            Assert.Equal(c.Rows, c.MemberCount);
            Assert.InRange(c.MemberCount, 15, 60);
            // A demo approval must still find a free place.
            Assert.True(c.Capacity is null || c.MemberCount < c.Capacity, $"{c.Slug} is full");
        });
        // The five named accounts plus the crowd, all confirmed and able to sign in.
        var canSignIn = await portal.WithDbAsync(db => db.Users
            .CountAsync(u => u.Email!.EndsWith("@demo.nhs.uk") && u.EmailConfirmed && u.PasswordHash != null));
        Assert.Equal(5 + DemoPeople.Count, canSignIn);
        // Each has their own stamps, so signing one person out everywhere signs out nobody else.
        var stamps = await portal.WithDbAsync(db => db.Users.Select(u => u.SecurityStamp).Distinct().CountAsync());
        Assert.Equal(await portal.WithDbAsync(db => db.Users.CountAsync()), stamps);
    }

    [Fact]
    public async Task A_demo_crowd_member_signs_in_with_the_demo_password_and_sees_their_community()
    {
        using var portal = new PortalFactory();
        _ = portal.Services;
        var person = await portal.WithDbAsync(db => db.Memberships
            .Where(m => m.Community!.Slug == "clinical-associate-in-psychology" && m.JoinRequestId == null)
            .OrderBy(m => m.User!.Email)
            .Select(m => m.User!.Email!)
            .FirstAsync());
        var client = await portal.SignedInClientAsync(person);
        var home = await client.GetPageAsync("/my");
        Assert.Contains("Clinical Associate in Psychology", home.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoData.StaffEmail)]
    [InlineData(DemoData.CouncilEmail)]
    [InlineData(DemoData.ChairEmail)]
    [InlineData(DemoData.SecretaryEmail)]
    [InlineData(DemoData.MemberEmail)]
    public async Task Every_demo_account_signs_in_with_the_demo_password(string email)
    {
        using var portal = new PortalFactory();
        var client = await portal.SignedInClientAsync(email);
        var home = await client.GetPageAsync("/my");
        Assert.NotNull(home.QuerySelector("form[action='/account/sign-out']"));
    }

    [Fact]
    public async Task Without_demo_mode_no_demo_account_or_community_exists()
    {
        using var portal = new PortalFactory(PortalFactory.DefaultProvider(), demoData: false);
        _ = portal.Services;
        Assert.False(await portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email!.EndsWith("@demo.nhs.uk"))));
        Assert.False(await portal.WithDbAsync(db => db.Communities.AnyAsync()));
        // Reference data is always there.
        Assert.True(await portal.WithDbAsync(db => db.Professions.AnyAsync()));
        Assert.True(await portal.WithDbAsync(db => db.AllowedEmailDomains.AnyAsync(d => d.Domain == "nhs.uk")));
    }

    [Fact]
    public async Task Loading_demo_data_twice_changes_nothing()
    {
        using var portal = new PortalFactory();
        _ = portal.Services;
        var before = await portal.WithDbAsync(db => db.Users.CountAsync());
        await portal.WithServicesAsync(DemoData.LoadAsync);
        Assert.Equal(before, await portal.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(5, await portal.WithDbAsync(db => db.Communities.CountAsync()));
    }

    [Fact]
    public async Task Tests_run_on_the_database_provider_they_were_asked_for()
    {
        using var portal = new PortalFactory();
        var provider = await portal.WithDbAsync(db => Task.FromResult(db.Database.ProviderName));
        Assert.Equal(
            PortalFactory.DefaultProvider() == DatabaseProvider.Postgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite",
            provider);
    }

    [Fact]
    public async Task Staff_role_is_given_only_to_the_staff_demo_account()
    {
        using var portal = new PortalFactory();
        _ = portal.Services;
        var staff = await portal.WithDbAsync(db => (from ur in db.UserRoles
                                                    join r in db.Roles on ur.RoleId equals r.Id
                                                    join u in db.Users on ur.UserId equals u.Id
                                                    where r.Name == NetworkRoles.NetworkStaff
                                                    select u.Email).ToListAsync());
        Assert.Equal([DemoData.StaffEmail], staff);
    }
}
