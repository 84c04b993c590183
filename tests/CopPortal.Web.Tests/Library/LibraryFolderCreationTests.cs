using System.Net;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Library;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopPortal.Web.Tests.Library;

/// <summary>
/// A library's standard folders are made when its CoP is created or published, at start for CoPs that have none,
/// or by the first library POST, and never by a GET.
/// </summary>
public sealed class LibraryFolderCreationTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    /// <summary>A CoP made directly in the database, as an import or an older version would leave it: no folders.</summary>
    private Task<int> CommunityWithoutFoldersAsync(string slug, CommunityStatus status = CommunityStatus.Active) => _portal.WithDbAsync(async db =>
    {
        var community = new Community { Slug = slug, Name = "Folderless " + slug, Summary = "For testing libraries.", Status = status, CreatedAt = _portal.Clock.GetUtcNow() };
        db.Communities.Add(community);
        await db.SaveChangesAsync();
        return community.Id;
    });

    private Task<List<string>> FolderNamesAsync(int communityId) => _portal.WithDbAsync(db =>
        db.LibraryFolders.Where(f => f.CommunityId == communityId).OrderBy(f => f.SortOrder).ThenBy(f => f.Id).Select(f => f.Name).ToListAsync());

    [Fact]
    public async Task Library_pages_never_write_on_a_get_and_the_first_post_makes_the_standard_folders()
    {
        var communityId = await CommunityWithoutFoldersAsync("folderless-get");
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var audit = await _portal.WithDbAsync(db => db.AuditEntries.CountAsync());
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/communities/folderless-get/library")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/communities/folderless-get/library/add")).StatusCode);
        Assert.Empty(await FolderNamesAsync(communityId));
        Assert.Equal(audit, await _portal.WithDbAsync(db => db.AuditEntries.CountAsync()));

        var added = await staff.SubmitFormAsync("/communities/folderless-get/library", Html.Form(("Folder.Name", "Case studies")), "main form[action*='handler=Folder']");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal([.. LibraryFolder.StandardNames, "Case studies"], await FolderNamesAsync(communityId));
    }

    [Fact]
    public async Task A_community_created_by_staff_has_its_folders_and_one_published_later_gets_them_on_publishing()
    {
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var created = await staff.SubmitFormAsync("/staff/communities/new", Html.Form(
            ("Input.Name", "Psychology in Schools"), ("Input.Slug", "psychology-in-schools"), ("Input.Summary", "For psychological professionals working with schools."),
            ("Input.MeetingFrequencyMonths", "3"), ("Input.MeetingDurationMinutes", "90")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var createdId = await _portal.WithDbAsync(db => db.Communities.Where(c => c.Slug == "psychology-in-schools").Select(c => c.Id).SingleAsync());
        Assert.Equal(LibraryFolder.StandardNames, await FolderNamesAsync(createdId));

        var draftId = await CommunityWithoutFoldersAsync("folderless-draft", CommunityStatus.Draft);
        var published = await staff.SubmitFormAsync("/staff/communities/folderless-draft", [], "form.app-status-form", "change", "publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(CommunityStatus.Active, await _portal.WithDbAsync(db => db.Communities.Where(c => c.Id == draftId).Select(c => c.Status).SingleAsync()));
        Assert.Equal(LibraryFolder.StandardNames, await FolderNamesAsync(draftId));
    }

    [Fact]
    public async Task The_start_up_backfill_gives_every_community_without_folders_the_standard_ones_once()
    {
        var first = await CommunityWithoutFoldersAsync("folderless-one");
        var second = await CommunityWithoutFoldersAsync("folderless-two", CommunityStatus.Draft);
        var counts = new List<int>();
        await _portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<CopPortal.Domain.Data.CopDbContext>();
            counts.Add(await LibraryFolderBackfill.RunAsync(db, _portal.Clock));
            counts.Add(await LibraryFolderBackfill.RunAsync(db, _portal.Clock));
        });
        Assert.Equal([2, 0], counts);
        Assert.Equal(LibraryFolder.StandardNames, await FolderNamesAsync(first));
        Assert.Equal(LibraryFolder.StandardNames, await FolderNamesAsync(second));
        Assert.True(await _portal.WithDbAsync(db => db.LibraryFolders.AnyAsync(f => f.CommunityId == first && f.Name == LibraryFolder.AgendasAndMinutes && f.HoldsMeetingDocuments)));
    }
}
