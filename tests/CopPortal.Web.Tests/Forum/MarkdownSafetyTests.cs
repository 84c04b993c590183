using CopPortal.Web.Infrastructure.Text;

namespace CopPortal.Web.Tests.Forum;

/// <summary>Real attack payloads through the renderer posts use: nothing that runs code, loads content or leaves by an unsafe scheme survives.</summary>
public sealed class MarkdownSafetyTests
{
    public static TheoryData<string> Payloads() =>
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](javascript&#58;alert(1))",
        "[click](javascript&#x3A;alert(1))",
        "[click](&#106;avascript:alert(1))",
        "[click](%6A%61%76%61script:alert(1))",
        "[click]( javascript:alert(1))",
        "[click](java\tscript:alert(1))",
        "[click](vbscript:msgbox(1))",
        "<javascript:alert(1)>",
        "[click][ref]\n\n[ref]: javascript:alert(1)",
        "<img src=x onerror=alert(1)>",
        "<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>",
        "<div onmouseover=\"alert(1)\">hover</div>",
        "<svg onload=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "![img](https://evil.example/track.png)",
        "![img](javascript:alert(1))",
        "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![data](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "<style>body{display:none}</style>",
        "<form action=\"https://evil.example\"><button>Go</button></form>",
        "[x](https://ok.example \"title\" onmouseover=alert(1))",
        "`<script>alert(1)</script>`",
    ];

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Payloads_come_out_inert(string markdown)
    {
        var html = MarkdownText.ToSafeHtml(markdown).Value!;
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<body>" + html + "</body>");
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.LocalName, (string[])["script", "img", "iframe", "svg", "style", "form", "button", "div", "object", "embed"]);
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{attribute.Name} on {element.LocalName} from {markdown}");
                Assert.DoesNotContain(attribute.Name, (string[])["src", "style"]);
            }
            if (element.GetAttribute("href") is { } href)
            {
                Assert.True(href.StartsWith("https://", StringComparison.Ordinal) || href.StartsWith("http://", StringComparison.Ordinal) || href.StartsWith("mailto:", StringComparison.Ordinal),
                    $"unsafe link {href} from {markdown}");
            }
        }
    }

    [Fact]
    public void Ordinary_markdown_keeps_its_formatting_and_safe_links()
    {
        var html = MarkdownText.ToSafeHtml("**bold** *it* [NHS](https://www.nhs.uk)\n\n> quoted\n\n- one\n- two").Value!;
        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<em>it</em>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://www.nhs.uk\" rel=\"nofollow noopener noreferrer\">NHS</a>", html, StringComparison.Ordinal);
        Assert.Contains("<blockquote>", html, StringComparison.Ordinal);
        Assert.Contains("<li>two</li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_html_is_shown_as_text_not_run()
    {
        var html = MarkdownText.ToSafeHtml("<b>not bold</b>").Value!;
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;", html, StringComparison.Ordinal);
    }
}
