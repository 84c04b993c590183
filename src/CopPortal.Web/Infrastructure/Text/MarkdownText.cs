using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

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

    /// <summary>Safe HTML for <paramref name="markdown"/>; empty for null or blank text.</summary>
    public static HtmlString ToSafeHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return HtmlString.Empty;
        }
        var html = Markdown.ToHtml(markdown, Pipeline);
        return new HtmlString(Sanitizer.Sanitize(html));
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
