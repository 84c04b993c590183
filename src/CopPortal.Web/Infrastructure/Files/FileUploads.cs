namespace CopPortal.Web.Infrastructure.Files;

/// <summary>An upload that passed the rules and is in the store.</summary>
public sealed record UploadedFile(string StoredName, string FileName, string ContentType, long Length);

/// <summary>Either the stored file or the message to show against the file field.</summary>
public sealed record UploadOutcome(UploadedFile? File, string? Error)
{
    public bool Succeeded => File is not null;
}

/// <summary>
/// Takes one uploaded form file: checks it with <see cref="UploadRules"/> and streams it into the
/// <see cref="IFileStore"/>. The form file is already on disk (ASP.NET Core buffers uploads above 64 KB to a
/// temporary file) and is copied in pieces, so a 25 MB upload never sits whole in memory. Pages that accept one
/// carry <see cref="UploadTooLargeAttribute"/>, which sets the request limits.
/// If saving the record that points at the file then fails, call <see cref="DiscardAsync"/>.
/// </summary>
public sealed class FileUploads(IFileStore store)
{
    public async Task<UploadOutcome> SaveAsync(IFormFile? file, CancellationToken cancellationToken = default)
    {
        if (file is null)
        {
            return new UploadOutcome(null, UploadRules.ChooseMessage);
        }
        await using var content = file.OpenReadStream();
        var check = await UploadRules.CheckAsync(content, file.FileName, cancellationToken);
        if (check.Kind is null)
        {
            return new UploadOutcome(null, check.Error);
        }
        content.Position = 0;
        var stored = await store.SaveAsync(content, cancellationToken);
        return new UploadOutcome(new UploadedFile(stored.StoredName, UploadRules.SafeFileName(file.FileName, check.Kind), check.Kind.ContentType, stored.Length), null);
    }

    public Task DiscardAsync(UploadedFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return store.DeleteAsync(file.StoredName);
    }
}
