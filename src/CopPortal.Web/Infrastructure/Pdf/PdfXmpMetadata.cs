using System.Globalization;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;

namespace CopPortal.Web.Infrastructure.Pdf;

/// <summary>
/// Adds an XMP metadata stream (title, language, PDF/UA identifier) to a PDF that Chromium printed. Chromium
/// tags the content and sets the language but writes no XMP, which PDF/UA requires. The stream is added as
/// an incremental update (PDF 1.7, 7.5.6): the original bytes, and so the tag tree, are left exactly as they were.
/// </summary>
public static partial class PdfXmpMetadata
{
    public static byte[] Add(byte[] pdf, string title, string language)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var trailer = TrailerPattern().Match(text, text.LastIndexOf("trailer", StringComparison.Ordinal) is var t and >= 0 ? t : 0);
        var startXref = StartXrefPattern().Match(text, Math.Max(0, text.Length - 64));
        if (!trailer.Success || !startXref.Success)
        {
            // Not the classic cross-reference layout this code understands: keep the PDF as printed.
            return pdf;
        }
        var size = int.Parse(trailer.Groups["size"].Value, CultureInfo.InvariantCulture);
        var root = int.Parse(trailer.Groups["root"].Value, CultureInfo.InvariantCulture);
        var info = trailer.Groups["info"].Success ? $"/Info {trailer.Groups["info"].Value} 0 R\n" : "";
        var catalog = CatalogBody(text, root);
        if (catalog is null || catalog.Contains("/Metadata", StringComparison.Ordinal))
        {
            return pdf;
        }

        var metadataId = size;
        var xmp = Encoding.UTF8.GetBytes(Xmp(title, language));
        using var output = new MemoryStream();
        output.Write(pdf);
        var offsets = new SortedDictionary<int, long>();
        void Write(string s) => output.Write(Encoding.Latin1.GetBytes(s));

        Write("\n");
        offsets[metadataId] = output.Position;
        Write($"{metadataId} 0 obj\n<</Type /Metadata /Subtype /XML /Length {xmp.Length}>>\nstream\n");
        output.Write(xmp);
        Write("\nendstream\nendobj\n");
        offsets[root] = output.Position;
        // The catalog is rewritten whole with the metadata reference added after its opening "<<".
        Write($"{root} 0 obj\n<</Metadata {metadataId} 0 R\n{catalog.TrimStart()[2..]}\nendobj\n");

        var xrefAt = output.Position;
        Write("xref\n");
        foreach (var (id, offset) in offsets)
        {
            Write($"{id} 1\n{offset:D10} 00000 n \n");
        }
        Write($"trailer\n<</Size {size + 1}\n/Root {root} 0 R\n{info}/Prev {startXref.Groups["at"].Value}>>\nstartxref\n{xrefAt}\n%%EOF\n");
        return output.ToArray();
    }

    private static string? CatalogBody(string text, int root)
    {
        var start = text.IndexOf($"\n{root} 0 obj", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }
        var bodyStart = text.IndexOf("<<", start, StringComparison.Ordinal);
        var end = text.IndexOf("endobj", start, StringComparison.Ordinal);
        return bodyStart < 0 || end < 0 || bodyStart > end ? null : text[bodyStart..end].TrimEnd();
    }

    private const char Bom = (char)0xFEFF;

    private static string Xmp(string title, string language)
    {
        var safeTitle = SecurityElement.Escape(title);
        var safeLanguage = SecurityElement.Escape(language);
        return $"""
            <?xpacket begin="{Bom}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
             <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
              <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
               <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{safeTitle}</rdf:li></rdf:Alt></dc:title>
               <dc:language><rdf:Bag><rdf:li>{safeLanguage}</rdf:li></rdf:Bag></dc:language>
               <dc:format>application/pdf</dc:format>
               <pdfuaid:part>1</pdfuaid:part>
              </rdf:Description>
             </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>
            """;
    }

    /// <summary>The document's title and language as the print view states them.</summary>
    public static (string Title, string Language) Describe(string html)
    {
        var title = TitlePattern().Match(html);
        var language = LanguagePattern().Match(html);
        return (title.Success ? System.Net.WebUtility.HtmlDecode(title.Groups[1].Value).Trim() : "Document",
            language.Success ? language.Groups[1].Value : "en-GB");
    }

    [GeneratedRegex(@"trailer\s*<<\s*/Size (?<size>\d+)\s*/Root (?<root>\d+) 0 R(\s*/Info (?<info>\d+) 0 R)?")]
    private static partial Regex TrailerPattern();

    [GeneratedRegex(@"startxref\s+(?<at>\d+)\s+%%EOF")]
    private static partial Regex StartXrefPattern();

    [GeneratedRegex(@"<title>([^<]*)</title>", RegexOptions.IgnoreCase)]
    private static partial Regex TitlePattern();

    [GeneratedRegex(@"<html[^>]*\slang=""([^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex LanguagePattern();
}
