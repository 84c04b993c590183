namespace CopPortal.Web.Infrastructure.Files;

/// <summary>
/// Where uploaded files live, under names the portal generates (never the uploader's). The database keeps the
/// stored name with the file's real name and type; the store knows only bytes.
/// </summary>
public interface IFileStore
{
    /// <summary>Copies the stream into a new file and returns its generated name and length.</summary>
    Task<StoredFile> SaveAsync(Stream content, CancellationToken cancellationToken = default);

    /// <summary>Opens a stored file for reading, or null when there is no such file.</summary>
    Stream? OpenRead(string storedName);

    /// <summary>Removes a stored file; a name that is not there is not an error.</summary>
    Task DeleteAsync(string storedName, CancellationToken cancellationToken = default);
}

public sealed record StoredFile(string StoredName, long Length);
