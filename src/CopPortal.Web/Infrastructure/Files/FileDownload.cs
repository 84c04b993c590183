using Microsoft.AspNetCore.Mvc;

namespace CopPortal.Web.Infrastructure.Files;

/// <summary>
/// Sends a stored file: always as an attachment (never shown inline, so an uploaded file cannot run as a page of
/// the portal), with the content type found when it was uploaded, a cleaned file name, nosniff and no caching
/// by shared caches (downloads are authorised per request).
/// </summary>
public static class FileDownload
{
    /// <returns>The file, or a 404 when the stored file is missing (e.g. a restore without the file store).</returns>
    public static IActionResult Send(HttpResponse response, IFileStore store, string storedName, string fileName, string contentType)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(store);
        var stream = store.OpenRead(storedName);
        if (stream is null)
        {
            return new NotFoundResult();
        }
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
        // FileDownloadName makes the disposition "attachment" with both an ASCII filename and an RFC 5987 filename*.
        return new FileStreamResult(stream, contentType)
        {
            FileDownloadName = UploadRules.SafeFileName(fileName),
            EnableRangeProcessing = false,
        };
    }
}
