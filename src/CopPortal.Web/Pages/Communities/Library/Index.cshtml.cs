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

    // Standard folders first; each with its published, not deleted documents. Compiled once per provider: every view
    // of the library runs these, and building the LINQ query cost more than running it.
    private static readonly CompiledQuery<Func<CopDbContext, int, IAsyncEnumerable<FolderRow>>> s_folders = new(() =>
        EF.CompileAsyncQuery((CopDbContext db, int communityId) => db.LibraryFolders.AsNoTracking()
            .Where(f => f.CommunityId == communityId)
            .OrderBy(f => f.SortOrder).ThenBy(f => f.Id)
            .Select(f => new FolderRow(f, db.LibraryDocuments.Count(d => d.CommunityId == communityId && d.FolderId == f.Id
                && d.Status == LibraryDocumentStatus.Published && d.DeletedAt == null)))));

    // Suggestions waiting for the core team, oldest first: all of them for the core team, a member's own otherwise.
    private static readonly CompiledQuery<Func<CopDbContext, int, IAsyncEnumerable<SuggestionRow>>> s_suggestions = new(() =>
        EF.CompileAsyncQuery((CopDbContext db, int communityId) => db.LibraryDocuments.AsNoTracking()
            .Where(d => d.CommunityId == communityId && d.Status == LibraryDocumentStatus.Suggested && d.DeletedAt == null)
            .OrderBy(d => d.CreatedAt)
            .Select(d => new SuggestionRow(d.Id, d.Title, d.SuggestedBy == null ? null : d.SuggestedBy.DisplayName, d.CreatedAt))));

    private static readonly CompiledQuery<Func<CopDbContext, int, string?, IAsyncEnumerable<SuggestionRow>>> s_mySuggestions = new(() =>
        EF.CompileAsyncQuery((CopDbContext db, int communityId, string? userId) => db.LibraryDocuments.AsNoTracking()
            .Where(d => d.CommunityId == communityId && d.Status == LibraryDocumentStatus.Suggested && d.DeletedAt == null && d.SuggestedById == userId)
            .OrderBy(d => d.CreatedAt)
            .Select(d => new SuggestionRow(d.Id, d.Title, null, d.CreatedAt))));

    /// <summary>The folder list's markup is kept under this (null: rendered afresh).</summary>
    public string? FoldersKey { get; private set; }

    private async Task LoadAsync()
    {
        // What every viewer sees alike (the folders, and the suggestions the core team sees) is kept (ContentCache).
        Folders = await SharedAsync(db, "library-folders", LoadFoldersAsync);
        FoldersKey = await SharedMarkupKeyAsync(db, "library-folders");
        if (CanUpload)
        {
            Suggestions = await SharedAsync(db, "library-suggestions", async () => await s_suggestions.For(db)(db, Community.Id).ToListAsync());
        }
        else
        {
            MySuggestions = await s_mySuggestions.For(db)(db, Community.Id, User.FindFirstValue(ClaimTypes.NameIdentifier)).ToListAsync();
        }
    }

    private async Task<List<FolderRow>> LoadFoldersAsync()
    {
        // The folders and their published documents counted in one command (a GET never creates folders).
        var folders = await s_folders.For(db)(db, Community.Id).ToListAsync();
        if (folders.Any(f => f.Folder.HoldsMeetingDocuments))
        {
            var meetingCount = await meetingDocuments.CountForCommunityAsync(Community.Id);
            folders = folders.Select(f => f.Folder.HoldsMeetingDocuments ? f with { Documents = f.Documents + meetingCount } : f).ToList();
        }
        return folders;
    }
}

public sealed class LibraryFolderInputValidator : FormValidator<IndexModel.FolderInput>
{
    public LibraryFolderInputValidator()
    {
        RuleFor(x => x.Name).Required("Enter a name for the folder").MaxChars(LibraryFolder.NameMaxLength, "Folder name").SingleLine("Folder name");
    }
}
