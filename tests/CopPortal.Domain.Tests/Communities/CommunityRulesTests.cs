using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Domain.Tests.Communities;

/// <summary>The domain rules written once: open requests, the current ToR, status changes and the core team.</summary>
public sealed class CommunityRulesTests : IDisposable
{
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("copportal-rules-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(JoinRequestStatus.Pending, true)]
    [InlineData(JoinRequestStatus.InformationRequested, true)]
    [InlineData(JoinRequestStatus.WaitingList, true)]
    [InlineData(JoinRequestStatus.Approved, false)]
    [InlineData(JoinRequestStatus.Declined, false)]
    [InlineData(JoinRequestStatus.Withdrawn, false)]
    public void A_request_is_open_while_the_applicant_still_waits_for_an_outcome(JoinRequestStatus status, bool open)
    {
        var request = new JoinRequest { Status = status };
        Assert.Equal(open, request.IsOpen);
        Assert.Equal(open, JoinRequest.OpenFilter.Compile()(request));
    }

    [Fact]
    public void The_one_open_request_index_uses_the_same_statuses() =>
        Assert.Equal("\"Status\" IN (0, 1, 5)", JoinRequest.OpenIndexFilter);

    [Theory]
    [InlineData(CommunityRole.Member, false)]
    [InlineData(CommunityRole.Chair, true)]
    [InlineData(CommunityRole.CoChair, true)]
    [InlineData(CommunityRole.Secretary, true)]
    public void The_core_team_is_chair_co_chair_and_secretary(CommunityRole role, bool core)
    {
        Assert.Equal(core, CommunityRoles.IsCoreTeam(role));
        Assert.Equal(core, CommunityRoles.CoreTeamFilter.Compile()(new CommunityMembership { Role = role }));
        Assert.False(CommunityRoles.IsCoreTeam(null));
    }

    [Theory]
    [InlineData(CommunityStatus.Draft, CommunityStatus.Active, true)]
    [InlineData(CommunityStatus.Draft, CommunityStatus.Archived, true)]
    [InlineData(CommunityStatus.Active, CommunityStatus.Archived, true)]
    [InlineData(CommunityStatus.Archived, CommunityStatus.Active, true)]
    [InlineData(CommunityStatus.Active, CommunityStatus.Draft, false)]
    [InlineData(CommunityStatus.Archived, CommunityStatus.Draft, false)]
    [InlineData(CommunityStatus.Draft, CommunityStatus.Draft, false)]
    [InlineData(CommunityStatus.Active, CommunityStatus.Active, false)]
    [InlineData(CommunityStatus.Archived, CommunityStatus.Archived, false)]
    public void Allowed_status_changes(CommunityStatus from, CommunityStatus to, bool allowed) =>
        Assert.Equal(allowed, CommunityStatusRules.CanChange(from, to));

    [Fact]
    public async Task The_current_terms_are_the_version_the_community_names_not_the_latest()
    {
        var builder = new DbContextOptionsBuilder<CopDbContext>();
        builder.UseCopPortalDatabase(DatabaseProvider.Sqlite, DatabaseSetup.SqliteConnectionString(_directory));
        await using var db = new CopDbContext(builder.Options);
        await db.Database.MigrateAsync();
        var terms = new TermsService(db, TimeProvider.System);
        var communities = new List<Community>();
        foreach (var slug in new[] { "first", "second" })
        {
            var community = new Community { Slug = slug, Name = slug, CreatedAt = DateTimeOffset.UtcNow };
            db.Communities.Add(community);
            var content = new TermsVersion { WhoFor = $"{slug} v1" };
            await terms.PublishAsync(community, content, new DateOnly(2030, 1, 1), "v1", null);
            await db.SaveChangesAsync();
            content.WhoFor = $"{slug} v2";
            await terms.PublishAsync(community, content, new DateOnly(2030, 1, 1), "v2", null);
            await db.SaveChangesAsync();
            communities.Add(community);
        }
        // Point the first CoP back at version 1 (as if version 2 were withdrawn): the rule follows the pointer.
        communities[0].CurrentTermsVersion = 1;
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        Assert.Equal("first v1", (await terms.CurrentAsync(communities[0].Id))!.WhoFor);
        Assert.Equal("second v2", (await db.TermsVersions.CurrentOf(communities[1].Id).SingleAsync()).WhoFor);
        Assert.Equal(["first v1", "second v2"], await db.TermsVersions.Current().OrderBy(t => t.WhoFor).Select(t => t.WhoFor).ToListAsync());
        var loaded = await db.TermsVersions.Where(t => t.CommunityId == communities[0].Id).OrderBy(t => t.VersionNumber).ToListAsync();
        var first = await db.Communities.SingleAsync(c => c.Id == communities[0].Id);
        Assert.Equal([true, false], loaded.Select(t => t.IsCurrentOf(first)).ToArray());
    }
}
