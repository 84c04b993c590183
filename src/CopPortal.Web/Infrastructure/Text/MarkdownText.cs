using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Caching.Memory;

namespace CopPortal.Web.Infrastructure.Text;

/// <summary>
/// Markdown written by people (forum posts, minutes, agenda items) turned into HTML that is safe to show. Markdig
/// runs with raw HTML off, but it still emits links such as <c>javascript:</c>, so its output always goes through an
/// allow-list sanitiser: a few formatting elements, links to http, https and mailto only, no attributes that run code.
/// </summary>
public static class MarkdownText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UsePipeTables()
        .Build();

    // Configured once and never changed afterwards, so one instance is shared by all requests.
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    // Sanitising parses the HTML into a DOM and costs about a millisecond a body; the same minutes, agenda items and
    // posts are read many times, so the safe HTML is kept by its source text (the key is the text itself, so an edit
    // is a different entry). Bounded by characters held, least recently used entries go first.
    private static readonly MemoryCache Rendered = new(new MemoryCacheOptions { SizeLimit = 8_000_000, CompactionPercentage = 0.25 });

    /// <summary>Safe HTML for <paramref name="markdown"/>; empty for null or blank text.</summary>
    public static HtmlString ToSafeHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return HtmlString.Empty;
        }
        if (Rendered.TryGetValue(markdown, out string? cached))
        {
            return new HtmlString(cached);
        }
        var safe = Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
        Rendered.Set(markdown, safe, new MemoryCacheEntryOptions { Size = markdown.Length + safe.Length, SlidingExpiration = TimeSpan.FromHours(1) });
        return new HtmlString(safe);
    }

    /// <summary>Plain text of <paramref name="markdown"/> for emails, search and previews (no markup, nothing to run).</summary>
    public static string ToPlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdown.ToPlainText(markdown, Pipeline).Trim();

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "hr",
                "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title", "start" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        };
        var sanitizer = new HtmlSanitizer(options);
        // Links people post leave the portal: no referrer, no opener.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
            {
                link.SetAttribute("rel", "nofollow noopener noreferrer");
            }
        };
        return sanitizer;
    }
}
