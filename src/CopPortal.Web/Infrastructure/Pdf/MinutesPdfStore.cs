using System.Globalization;

namespace CopPortal.Web.Infrastructure.Pdf;

/// <summary>
/// Approved and published minutes never change (a correction is a new revision), so their PDF is kept on disk
/// under the data directory, keyed by the minutes revision's id: later downloads, after a restart too, are read
/// from the file and never start Chromium. Drafts are not stored (they change); the PDF service's memory cache
/// covers them.
/// </summary>
public sealed class MinutesPdfStore(PortalOptions options)
{
    private string Directory => Path.Combine(Path.GetFullPath(options.DataDirectory), "pdf", "minutes");

    public string PathFor(int minutesId, int revision) =>
        Path.Combine(Directory, string.Create(CultureInfo.InvariantCulture, $"minutes-{minutesId}-revision-{revision}.pdf"));

    public async Task<byte[]?> ReadAsync(int minutesId, int revision, CancellationToken cancellationToken)
    {
        var path = PathFor(minutesId, revision);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
    }

    /// <summary>Writes through a temporary file and a rename, so a reader never sees half a PDF.</summary>
    public async Task SaveAsync(int minutesId, int revision, byte[] pdf)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = PathFor(minutesId, revision);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temporary, pdf);
        File.Move(temporary, path, overwrite: true);
    }
}
