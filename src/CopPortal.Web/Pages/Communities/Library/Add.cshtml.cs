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
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CopPortal.Web.Pages.Communities.Library;

/// <summary>
/// Adds a document: the core team and staff publish it straight away; a member's upload is a suggestion with a
/// note, which waits for the core team. The file streams to the file store (see <see cref="FileUploads"/>).
/// </summary>
[CommunityOperation(nameof(CommunityOperations.ViewMemberContent))]
[UploadTooLarge]
public class AddModel(LibraryService library, FileUploads uploads) : CommunityPageModel
{
    [BindProperty]
    public AddInput Input { get; set; } = new();

    public sealed class AddInput
    {
        public string? Title { get; set; }
        public int? FolderId { get; set; }
        public string? Note { get; set; }
        public IFormFile? File { get; set; }
    }

    public List<SelectListItem> FolderItems { get; private set; } = [];

    /// <summary>A member suggests; the core team and staff publish.</summary>
    public bool Publishes => May(nameof(CommunityOperations.RunCommunity));

    public async Task<IActionResult> OnGetAsync(int? folderId)
    {
        if (IsArchived)
        {
            // Reading is allowed in an archived CoP, but this form only leads to a change, so it is not offered.
            TempData["Notice"] = $"{Community.Name} {CommunityPageFilter.ReadOnlyNotice}";
            return Redirect(PortalPaths.Community(Community.Slug));
        }
        Input.FolderId = folderId;
        await LoadFoldersAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var folders = await LoadFoldersAsync(ensure: true);
        await this.ValidateInputAsync(Input);
        if (Input.FolderId is { } id && folders.All(f => f.Id != id))
        {
            ModelState.AddFirstError("Input.FolderId", "Select a folder");
        }
        if (!Publishes && string.IsNullOrWhiteSpace(Input.Note))
        {
            ModelState.AddFirstError("Input.Note", "Enter a note for the core team about the document");
        }
        if (!ModelState.IsValid)
        {
            // The file is checked only once the rest is right, so a refused form never leaves a stored file behind.
            if (Input.File is not null)
            {
                ModelState.AddFirstError("Input.File", "Select the file again");
            }
            return Page();
        }
        var outcome = await uploads.SaveAsync(Input.File, cancellationToken);
        if (outcome.File is not { } file)
        {
            ModelState.AddModelError("Input.File", outcome.Error!);
            return Page();
        }
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var note = string.IsNullOrWhiteSpace(Input.Note) ? null : FieldRules.Clean(Input.Note);
        LibraryDocument document;
        try
        {
            document = await library.AddAsync(Community.Id, Input.FolderId!.Value, FieldRules.Clean(Input.Title), Describe(file), note, userId, suggestion: !Publishes, cancellationToken);
        }
        catch
        {
            await uploads.DiscardAsync(file);
            throw;
        }
        TempData["Success"] = Publishes
            ? $"\"{document.Title}\" is in the library."
            : $"Thank you. \"{document.Title}\" has been sent to the core team, who will publish it or let you know why not.";
        return Redirect(Publishes ? PortalPaths.LibraryDocument(Community.Slug, document.Id) : PortalPaths.Library(Community.Slug));
    }

    internal static LibraryFile Describe(UploadedFile file) => new(file.StoredName, file.FileName, file.ContentType, file.Length);

    /// <summary>The folders to choose from; only a POST makes a library's standard folders if it has none.</summary>
    private async Task<List<LibraryFolder>> LoadFoldersAsync(bool ensure = false)
    {
        var folders = ensure ? await library.EnsureStandardFoldersAsync(Community.Id) : await library.FoldersAsync(Community.Id);
        FolderItems = folders.Select(f => new SelectListItem(f.Name, f.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), f.Id == Input.FolderId)).ToList();
        return folders;
    }
}

public sealed class LibraryAddInputValidator : FormValidator<AddModel.AddInput>
{
    public LibraryAddInputValidator()
    {
        RuleFor(x => x.Title).Required("Enter a title for the document").MaxChars(LibraryDocument.TitleMaxLength, "Title").SingleLine("Title");
        RuleFor(x => x.FolderId).Bound("Select a folder").NotNull().WithMessage("Select a folder");
        RuleFor(x => x.Note).MaxChars(LibraryDocument.NoteMaxLength, "Note");
    }
}
