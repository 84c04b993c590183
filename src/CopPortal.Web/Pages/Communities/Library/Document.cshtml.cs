using System.Security.Claims;
using CopPortal.Domain.Data;
using CopPortal.Domain.Library;
using CopPortal.Domain.Links;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Files;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Forms.Validators;
using CopPortal.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Communities.Library;

/// <summary>
/// One document: its versions (each downloadable), and for the core team a new version, publishing or declining a
/// member's suggestion, and deleting (soft). A suggestion is seen only by the core team, staff and the member who sent it.
/// </summary>
[CommunityOperation(nameof(CommunityOperations.ViewMemberContent))]
[UploadTooLarge]
public class DocumentModel(CopDbContext db, LibraryService library, FileUploads uploads) : CommunityPageModel
{
    public const string ChangedMeanwhile = "Someone else changed this document while you were looking at it. Nothing has been saved: check it again below.";

    public sealed record VersionRow(int Number, string FileName, long Length, string ChangeNote, string? UploadedBy, DateTimeOffset At);

    public LibraryDocument Document { get; private set; } = default!;
    public string FolderName { get; private set; } = "";
    public string? SuggestedBy { get; private set; }
    public List<VersionRow> Versions { get; private set; } = [];

    [BindProperty]
    public VersionInput NewVersion { get; set; } = new();

    [BindProperty]
    public DeclineInput Decline { get; set; } = new();

    /// <summary>The concurrency stamp the form was opened with.</summary>
    [BindProperty]
    public Guid Stamp { get; set; }

    public sealed class VersionInput
    {
        public string? ChangeNote { get; set; }
        public IFormFile? File { get; set; }
    }

    public sealed class DeclineInput
    {
        public string? Reason { get; set; }
    }

    public bool CanChange => May(nameof(CommunityOperations.RunCommunity)) && !IsArchived;

    public async Task<IActionResult> OnGetAsync(int documentId)
    {
        await LoadAsync(documentId);
        Stamp = Document.ConcurrencyStamp;
        return Page();
    }

    [CommunityOperation(nameof(CommunityOperations.RunCommunity))]
    public async Task<IActionResult> OnPostVersionAsync(int documentId, CancellationToken cancellationToken)
    {
        await LoadAsync(documentId, tracked: true);
        if (Document.Status != LibraryDocumentStatus.Published)
        {
            return NotFound();
        }
        if (!await this.ValidateInputAsync(NewVersion, "NewVersion"))
        {
            return Page();
        }
        var outcome = await uploads.SaveAsync(NewVersion.File, cancellationToken);
        if (outcome.File is not { } file)
        {
            ModelState.AddModelError("NewVersion.File", outcome.Error!);
            return Page();
        }
        if (!await library.AddVersionAsync(Document, Stamp, AddModel.Describe(file), FieldRules.Clean(NewVersion.ChangeNote), UserId, cancellationToken))
        {
            await uploads.DiscardAsync(file);
            return await ConflictAsync(documentId);
        }
        TempData["Success"] = $"Version {Document.CurrentVersion} uploaded. Earlier versions are kept below.";
        return Redirect(PortalPaths.LibraryDocument(Community.Slug, documentId));
    }

    [CommunityOperation(nameof(CommunityOperations.RunCommunity))]
    public async Task<IActionResult> OnPostPublishAsync(int documentId, CancellationToken cancellationToken)
    {
        await LoadAsync(documentId, tracked: true);
        if (Document.Status != LibraryDocumentStatus.Suggested)
        {
            return await ConflictAsync(documentId);
        }
        if (!await library.PublishAsync(Document, Stamp, UserId, cancellationToken))
        {
            return await ConflictAsync(documentId);
        }
        TempData["Success"] = $"\"{Document.Title}\" is published in the library. We have emailed the member who suggested it.";
        return Redirect(PortalPaths.LibraryDocument(Community.Slug, documentId));
    }

    [CommunityOperation(nameof(CommunityOperations.RunCommunity))]
    public async Task<IActionResult> OnPostDeclineAsync(int documentId, CancellationToken cancellationToken)
    {
        await LoadAsync(documentId, tracked: true);
        if (Document.Status != LibraryDocumentStatus.Suggested)
        {
            return await ConflictAsync(documentId);
        }
        if (!await this.ValidateInputAsync(Decline, "Decline"))
        {
            return Page();
        }
        if (!await library.DeclineAsync(Document, Stamp, FieldRules.Clean(Decline.Reason), UserId, cancellationToken))
        {
            return await ConflictAsync(documentId);
        }
        TempData["Success"] = $"\"{Document.Title}\" was declined. We have emailed the member who suggested it with your reason.";
        return Redirect(PortalPaths.Library(Community.Slug));
    }

    [CommunityOperation(nameof(CommunityOperations.RunCommunity))]
    public async Task<IActionResult> OnPostDeleteAsync(int documentId, CancellationToken cancellationToken)
    {
        await LoadAsync(documentId, tracked: true);
        if (!await library.DeleteAsync(Document, Stamp, UserId, cancellationToken))
        {
            return await ConflictAsync(documentId);
        }
        TempData["Success"] = $"\"{Document.Title}\" was deleted from the library.";
        return Redirect(PortalPaths.Library(Community.Slug));
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private async Task<IActionResult> ConflictAsync(int documentId)
    {
        ModelState.Clear();
        ModelState.AddModelError("", ChangedMeanwhile);
        await LoadAsync(documentId);
        Stamp = Document.ConcurrencyStamp;
        return Page();
    }

    private async Task LoadAsync(int documentId, bool tracked = false)
    {
        var query = tracked ? db.LibraryDocuments : db.LibraryDocuments.AsNoTracking();
        Document = await LoadChildAsync(query.Where(d => d.DeletedAt == null), documentId);
        if (Document.Status != LibraryDocumentStatus.Published && !May(nameof(CommunityOperations.RunCommunity))
            && Document.SuggestedById != User.FindFirstValue(ClaimTypes.NameIdentifier))
        {
            // A suggestion is not in the library yet: for other members it does not exist.
            throw new CommunityChildNotFoundException();
        }
        FolderName = await db.LibraryFolders.Where(f => f.Id == Document.FolderId).Select(f => f.Name).FirstAsync();
        SuggestedBy = Document.SuggestedById is null ? null
            : await db.Users.Where(u => u.Id == Document.SuggestedById).Select(u => u.DisplayName).FirstOrDefaultAsync();
        Versions = await db.LibraryDocumentVersions.AsNoTracking().Where(v => v.DocumentId == documentId)
            .OrderByDescending(v => v.Number)
            .Select(v => new VersionRow(v.Number, v.FileName, v.Length, v.ChangeNote, v.UploadedBy == null ? null : v.UploadedBy.DisplayName, v.UploadedAt))
            .ToListAsync();
    }
}

public sealed class LibraryVersionInputValidator : FormValidator<DocumentModel.VersionInput>
{
    public LibraryVersionInputValidator()
    {
        RuleFor(x => x.ChangeNote).Required("Enter what changed in this version").MaxChars(LibraryDocument.NoteMaxLength, "What changed");
    }
}

public sealed class LibraryDeclineInputValidator : FormValidator<DocumentModel.DeclineInput>
{
    public LibraryDeclineInputValidator()
    {
        RuleFor(x => x.Reason).Required("Enter why the document is not being added, for the member who suggested it").MaxChars(LibraryDocument.NoteMaxLength, "Reason");
    }
}
