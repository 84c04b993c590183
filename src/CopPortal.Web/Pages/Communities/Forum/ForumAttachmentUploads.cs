using CopPortal.Domain.Forum;
using CopPortal.Web.Infrastructure.Files;
using CopPortal.Web.Infrastructure.Communities;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CopPortal.Web.Pages.Communities.Forum;

/// <summary>
/// The files of a new thread or reply, through the library's <see cref="FileUploads"/> (content-checked, 25MB each,
/// streamed to the file store). All or nothing: if one file is refused, those already stored are discarded and the
/// form comes back with the message and everything typed.
/// </summary>
public sealed class ForumAttachmentUploads(FileUploads uploads)
{
    public const string Field = "Input.Files";
    public const string TooManyMessage = "Select up to 5 files";
    public const string SelectAgainMessage = "Select the files again";

    /// <summary>Before the text is checked: too many files is an error like any other field's.</summary>
    public static void CheckCount(IReadOnlyCollection<IFormFile> files, ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(modelState);
        if (files.Count > ForumAttachment.MaxPerPost)
        {
            modelState.AddFirstError(Field, TooManyMessage);
        }
    }

    /// <summary>
    /// When something else on the form is wrong the files are not stored (a browser cannot keep them in the field
    /// anyway), so a refused form never leaves stored files behind; the person is asked to choose them again.
    /// </summary>
    public static void AskAgainIfRefused(IReadOnlyCollection<IFormFile> files, ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(modelState);
        if (!modelState.IsValid && files.Count > 0)
        {
            modelState.AddFirstError(Field, SelectAgainMessage);
        }
    }

    /// <summary>Stores every file, or none: the stored files, or null with the error added against the field.</summary>
    public async Task<List<UploadedFile>?> SaveAllAsync(IReadOnlyList<IFormFile> files, ModelStateDictionary modelState, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(modelState);
        var saved = new List<UploadedFile>();
        foreach (var file in files)
        {
            var outcome = await uploads.SaveAsync(file, cancellationToken);
            if (outcome.File is { } stored)
            {
                saved.Add(stored);
                continue;
            }
            await DiscardAsync(saved);
            // With several files, say which one was refused.
            modelState.AddModelError(Field, files.Count == 1 ? outcome.Error! : $"{outcome.Error}: {UploadRules.SafeFileName(file.FileName)}");
            return null;
        }
        return saved;
    }

    public async Task DiscardAsync(IEnumerable<UploadedFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (var file in files)
        {
            await uploads.DiscardAsync(file);
        }
    }

    public static List<ForumAttachmentFile> Describe(IEnumerable<UploadedFile> files) =>
        files.Select(f => new ForumAttachmentFile(f.StoredName, f.FileName, f.ContentType, f.Length)).ToList();
}
