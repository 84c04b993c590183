using System.Text.RegularExpressions;

namespace CopPortal.Web.Infrastructure.Files;

/// <summary>
/// Files on local disk, by default in "files" under the data directory (outside wwwroot, so never served as
/// static files), or wherever Files:Directory says. Names are random GUIDs in a folder per first two characters,
/// so no folder grows too large and nothing an uploader types reaches the file system.
/// </summary>
public sealed partial class LocalFileStore : IFileStore
{
    public LocalFileStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>The store the configuration names: Files:Directory, else {DataDirectory}/files.</summary>
    public static LocalFileStore FromConfiguration(IConfiguration configuration, PortalOptions portal)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(portal);
        var configured = configuration["Files:Directory"];
        return new LocalFileStore(string.IsNullOrWhiteSpace(configured) ? Path.Combine(portal.DataDirectory, "files") : configured);
    }

    public async Task<StoredFile> SaveAsync(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = Guid.NewGuid().ToString("N");
        var path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written under a temporary name and renamed, so a reader never sees half a file.
        var partial = path + ".partial";
        try
        {
            await using (var target = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(target, cancellationToken);
            }
            File.Move(partial, path);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
        return new StoredFile(name, new FileInfo(path).Length);
    }

    public Stream? OpenRead(string storedName)
    {
        var path = PathOf(storedName);
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public Task DeleteAsync(string storedName, CancellationToken cancellationToken = default)
    {
        File.Delete(PathOf(storedName));
        return Task.CompletedTask;
    }

    private string PathOf(string storedName)
    {
        // Only names this store made: anything else (a path, "..") is refused before it reaches the disk.
        if (storedName is null || !StoredNamePattern().IsMatch(storedName))
        {
            throw new ArgumentException("Not a stored file name", nameof(storedName));
        }
        return Path.Combine(Root, storedName[..2], storedName);
    }

    [GeneratedRegex("^[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex StoredNamePattern();
}
