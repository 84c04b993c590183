using CopPortal.Domain.Data;
using CopPortal.Domain.Library;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities.Library;

/// <summary>One folder's published documents (and, in "Agendas and minutes", the CoP's published agendas and minutes).</summary>
[CommunityOperation(nameof(CommunityOperations.ViewMemberContent))]
public class FolderModel(CopDbContext db, IPublishedMeetingDocuments meetingDocuments) : CommunityPageModel
{
    public sealed record DocumentRow(int Id, string Title, int Version, string FileName, long Length, DateTimeOffset UpdatedAt);

    public LibraryFolder Folder { get; private set; } = default!;
    public List<DocumentRow> Documents { get; private set; } = [];
    public IReadOnlyList<PublishedMeetingDocument> MeetingDocuments { get; private set; } = [];

    public async Task OnGetAsync(int folderId)
    {
        Folder = await LoadChildAsync(db.LibraryFolders.AsNoTracking(), folderId);
        Documents = await db.LibraryDocuments.AsNoTracking()
            .Where(d => d.FolderId == Folder.Id && d.Status == LibraryDocumentStatus.Published && d.DeletedAt == null)
            .OrderBy(d => d.Title)
            .Select(d => new
            {
                d.Id,
                d.Title,
                d.CurrentVersion,
                d.UpdatedAt,
                Current = d.Versions.Where(v => v.Number == d.CurrentVersion).Select(v => new { v.FileName, v.Length }).FirstOrDefault(),
            })
            .Select(d => new DocumentRow(d.Id, d.Title, d.CurrentVersion, d.Current == null ? "" : d.Current.FileName, d.Current == null ? 0 : d.Current.Length, d.UpdatedAt))
            .ToListAsync();
        if (Folder.HoldsMeetingDocuments)
        {
            MeetingDocuments = (await meetingDocuments.ForCommunityAsync(Community.Id)).OrderByDescending(m => m.MeetingStartsAt).ToList();
        }
    }

    /// <summary>"1.2 MB", "35 KB": the size a person expects beside a download link.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => $"{Math.Max(1, bytes / 1024)} KB",
        _ => (bytes / (1024.0 * 1024.0)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " MB",
    };
}
