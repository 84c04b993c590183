using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace CopPortal.Web.Infrastructure.Files;

/// <summary>A kind of file the portal accepts, with the content type it is sent back with.</summary>
public sealed record FileKind(string Name, string ContentType, IReadOnlyList<string> Extensions);

/// <summary>The result of checking an upload: the kind found in its content, or the message to show.</summary>
public sealed record UploadCheck(FileKind? Kind, string? Error)
{
    public bool Accepted => Kind is not null;
}

/// <summary>
/// What may be uploaded: at most 25 MB of PDF, Word, PowerPoint, Excel, OpenDocument, PNG, JPEG or plain text,
/// judged by the bytes (signatures, the parts inside ZIP containers, UTF-8 text) and never by the name alone;
/// the name's extension must also agree with the content, so a download opens in the program its name promises.
/// </summary>
public static class UploadRules
{
    public const long MaxBytes = 25L * 1024 * 1024;

    /// <summary>
    /// The request body limit for pages that take one file: room above <see cref="MaxBytes"/> for the form's other
    /// fields, and for a file a little too large to reach the page and get a clear message instead of a bare 413.
    /// </summary>
    public const long RequestLimitBytes = MaxBytes + (8L * 1024 * 1024);

    public const int FileNameMaxLength = 120;

    public const string AllowedDescription = "a PDF, Word, PowerPoint, Excel, OpenDocument, PNG, JPEG or plain text file";
    public const string ChooseMessage = "Select a file to upload";
    public const string EmptyMessage = "The selected file is empty";
    public const string TooLargeMessage = "The selected file must be smaller than 25MB";
    public const string WrongTypeMessage = "The selected file must be " + AllowedDescription;

    public static readonly FileKind Pdf = new("PDF", "application/pdf", [".pdf"]);
    public static readonly FileKind Png = new("PNG image", "image/png", [".png"]);
    public static readonly FileKind Jpeg = new("JPEG image", "image/jpeg", [".jpg", ".jpeg"]);
    public static readonly FileKind Text = new("Text", "text/plain; charset=utf-8", [".txt"]);
    public static readonly FileKind Doc = new("Word document", "application/msword", [".doc"]);
    public static readonly FileKind Xls = new("Excel spreadsheet", "application/vnd.ms-excel", [".xls"]);
    public static readonly FileKind Ppt = new("PowerPoint presentation", "application/vnd.ms-powerpoint", [".ppt"]);
    public static readonly FileKind Docx = new("Word document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    public static readonly FileKind Xlsx = new("Excel spreadsheet", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);
    public static readonly FileKind Pptx = new("PowerPoint presentation", "application/vnd.openxmlformats-officedocument.presentationml.presentation", [".pptx"]);
    public static readonly FileKind Odt = new("OpenDocument text", "application/vnd.oasis.opendocument.text", [".odt"]);
    public static readonly FileKind Ods = new("OpenDocument spreadsheet", "application/vnd.oasis.opendocument.spreadsheet", [".ods"]);
    public static readonly FileKind Odp = new("OpenDocument presentation", "application/vnd.oasis.opendocument.presentation", [".odp"]);

    public static IReadOnlyList<FileKind> All { get; } = [Pdf, Png, Jpeg, Text, Doc, Xls, Ppt, Docx, Xlsx, Pptx, Odt, Ods, Odp];

    /// <summary>The file input's accept list: a hint for the browser's picker only; the content check decides.</summary>
    public static string AcceptAttribute { get; } = string.Join(',', All.SelectMany(k => k.Extensions));

    private static readonly byte[] PdfSignature = "%PDF-"u8.ToArray();
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>
    /// Checks a file's size, content and name. The stream must be seekable (an uploaded form file is: ASP.NET Core
    /// buffers large ones to disk); it is read from the start and left wherever the check ended.
    /// </summary>
    public static async Task<UploadCheck> CheckAsync(Stream content, string? fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek)
        {
            throw new ArgumentException("The upload must be seekable; buffer it to a file first", nameof(content));
        }
        if (content.Length == 0)
        {
            return new UploadCheck(null, EmptyMessage);
        }
        if (content.Length > MaxBytes)
        {
            return new UploadCheck(null, TooLargeMessage);
        }
        content.Position = 0;
        var kind = await DetectAsync(content, Path.GetExtension(fileName ?? "").ToLowerInvariant(), cancellationToken);
        var extension = Path.GetExtension(SafeFileName(fileName, kind)).ToLowerInvariant();
        if (kind is null || !kind.Extensions.Contains(extension))
        {
            return new UploadCheck(null, WrongTypeMessage);
        }
        return new UploadCheck(kind, null);
    }

    /// <summary>What the content is, or null if it is none of the accepted kinds.</summary>
    private static async Task<FileKind?> DetectAsync(Stream content, string extension, CancellationToken cancellationToken)
    {
        var head = new byte[8];
        var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        var start = head.AsSpan(0, read);
        if (start.StartsWith(PdfSignature))
        {
            return Pdf;
        }
        if (start.StartsWith(PngSignature))
        {
            return Png;
        }
        if (start.StartsWith(JpegSignature))
        {
            return Jpeg;
        }
        if (start.StartsWith(OleSignature))
        {
            // Old Office files share one container; which program it is for is left to the name.
            return extension switch
            {
                ".doc" => Doc,
                ".xls" => Xls,
                ".ppt" => Ppt,
                _ => null,
            };
        }
        if (start.StartsWith(ZipSignature))
        {
            content.Position = 0;
            return ZipKind(content);
        }
        content.Position = 0;
        return await IsPlainTextAsync(content, cancellationToken) && !await LooksLikeMarkupAsync(content, cancellationToken) ? Text : null;
    }

    /// <summary>HTML, SVG or XML is text too, but not what "plain text" promises: refused, whatever the name.</summary>
    private static async Task<bool> LooksLikeMarkupAsync(Stream content, CancellationToken cancellationToken)
    {
        content.Position = 0;
        var head = new byte[1024];
        var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        var start = Encoding.UTF8.GetString(head, 0, read).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return MarkupStarts.Any(m => start.StartsWith(m, StringComparison.OrdinalIgnoreCase));
    }

    private static readonly string[] MarkupStarts = ["<!doctype", "<html", "<head", "<body", "<script", "<svg", "<?xml", "<iframe"];

    /// <summary>Office Open XML (by its content types part and main folder) or OpenDocument (by its mimetype entry).</summary>
    private static FileKind? ZipKind(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("mimetype") is { } mimetype && mimetype.Length < 200)
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                return reader.ReadToEnd().Trim() switch
                {
                    "application/vnd.oasis.opendocument.text" => Odt,
                    "application/vnd.oasis.opendocument.spreadsheet" => Ods,
                    "application/vnd.oasis.opendocument.presentation" => Odp,
                    _ => null,
                };
            }
            if (zip.GetEntry("[Content_Types].xml") is null)
            {
                return null;
            }
            bool Has(string folder) => zip.Entries.Any(e => e.FullName.StartsWith(folder, StringComparison.Ordinal));
            return Has("word/") ? Docx : Has("xl/") ? Xlsx : Has("ppt/") ? Pptx : null;
        }
        catch (InvalidDataException)
        {
            return null; // Starts like a ZIP but is not one.
        }
    }

    /// <summary>UTF-8 (a BOM allowed) with no control characters but tab, line breaks and form feed, read in pieces.</summary>
    private static async Task<bool> IsPlainTextAsync(Stream content, CancellationToken cancellationToken)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[bytes.Length + 4];
        try
        {
            int read;
            while ((read = await content.ReadAsync(bytes, cancellationToken)) > 0)
            {
                var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
                if (HasControlCharacter(chars.AsSpan(0, count)))
                {
                    return false;
                }
            }
            return decoder.GetChars([], 0, 0, chars, 0, flush: true) == 0;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool HasControlCharacter(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f'))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The name to keep and offer on download: folders a browser or client put in front dropped, control and
    /// reserved characters removed, at most <see cref="FileNameMaxLength"/> characters with the extension kept.
    /// With nothing left, "document" and the kind's extension.
    /// </summary>
    public static string SafeFileName(string? fileName, FileKind? kind = null)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var kept = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (char.IsControl(c) || category is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                || c is '<' or '>' or ':' or '"' or '|' or '?' or '*')
            {
                continue;
            }
            kept.Append(char.IsWhiteSpace(c) ? ' ' : c);
        }
        name = kept.ToString().Trim().Trim('.').Trim();
        var extension = Path.GetExtension(name);
        if (extension.Length > 10)
        {
            extension = "";
        }
        var stem = name[..^extension.Length].TrimEnd();
        if (stem.Length == 0)
        {
            stem = "document";
            if (extension.Length == 0 && kind is not null)
            {
                extension = kind.Extensions[0];
            }
        }
        if (stem.Length + extension.Length > FileNameMaxLength)
        {
            stem = stem[..(FileNameMaxLength - extension.Length)].TrimEnd();
            // Do not end on half of a surrogate pair.
            if (stem.Length > 0 && char.IsHighSurrogate(stem[^1]))
            {
                stem = stem[..^1];
            }
        }
        return stem + extension;
    }
}
