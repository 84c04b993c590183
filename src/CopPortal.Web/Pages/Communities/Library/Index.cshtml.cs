using System.Security.Claims;
using CopPortal.Domain.Data;
using CopPortal.Domain.Library;
using CopPortal.Domain.Links;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Forms.Validators;
using CopPortal.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities.Library;

/// <summary>The CoP's library: its folders with how many documents each holds, suggestions waiting for the core team, and adding a folder.</summary>
[CommunityOperation(nameof(CommunityOperations.ViewMemberContent))]
public class IndexModel(CopDbContext db, LibraryService library, IPublishedMeetingDocuments meetingDocuments) : CommunityPageModel
{
    public sealed record FolderRow(LibraryFolder Folder, int Documents);

    public sealed record SuggestionRow(int Id, string Title, string? SuggestedBy, DateTimeOffset At);

    public List<FolderRow> Folders { get; private set; } = [];
    public List<SuggestionRow> Suggestions { get; private set; } = [];
    public List<SuggestionRow> MySuggestions { get; private set; } = [];

    [BindProperty]
    public FolderInput Folder { get; set; } = new();

    public sealed class FolderInput
    {
        public string? Name { get; set; }
    }

    public bool CanUpload => May(nameof(CommunityOperations.RunCommunity));

    public async Task OnGetAsync() => await LoadAsync();

    [CommunityOperation(nameof(CommunityOperations.RunCommunity))]
    public async Task<IActionResult> OnPostFolderAsync()
    {
        if (await this.ValidateInputAsync(Folder, "Folder"))
        {
            var name = FieldRules.Clean(Folder.Name);
            if (await library.AddFolderAsync(Community.Id, name, User.FindFirstValue(ClaimTypes.NameIdentifier)!))
            {
                TempData["Success"] = $"Folder \"{name}\" added.";
                return Redirect(PortalPaths.Library(Community.Slug));
            }
            ModelState.AddModelError("Folder.Name", "There is already a folder with that name");
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var folders = await library.FoldersAsync(Community.Id);
        var counts = await db.LibraryDocuments.AsNoTracking()
            .Where(d => d.CommunityId == Community.Id && d.Status == LibraryDocumentStatus.Published && d.DeletedAt == null)
            .GroupBy(d => d.FolderId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count);
        var meetingCount = folders.Any(f => f.HoldsMeetingDocuments) ? await meetingDocuments.CountForCommunityAsync(Community.Id) : 0;
        Folders = folders.Select(f => new FolderRow(f, counts.GetValueOrDefault(f.Id) + (f.HoldsMeetingDocuments ? meetingCount : 0))).ToList();
        var pending = db.LibraryDocuments.AsNoTracking()
            .Where(d => d.CommunityId == Community.Id && d.Status == LibraryDocumentStatus.Suggested && d.DeletedAt == null);
        if (CanUpload)
        {
            Suggestions = await pending.OrderBy(d => d.CreatedAt)
                .Select(d => new SuggestionRow(d.Id, d.Title, d.SuggestedBy == null ? null : d.SuggestedBy.DisplayName, d.CreatedAt)).ToListAsync();
        }
        else
        {
            var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
            MySuggestions = await pending.Where(d => d.SuggestedById == me).OrderBy(d => d.CreatedAt)
                .Select(d => new SuggestionRow(d.Id, d.Title, null, d.CreatedAt)).ToListAsync();
        }
    }
}

public sealed class LibraryFolderInputValidator : FormValidator<IndexModel.FolderInput>
{
    public LibraryFolderInputValidator()
    {
        RuleFor(x => x.Name).Required("Enter a name for the folder").MaxChars(LibraryFolder.NameMaxLength, "Folder name").SingleLine("Folder name");
    }
}
