using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace CopPortal.Web.Infrastructure.Email;

/// <summary>
/// The one look every email has, as plain text and as HTML, made from the message's plain-text body when it is
/// sent (so every queued message, old or new, gets both). The text body is the template: paragraphs separated
/// by a blank line, "- " lines become a list, web addresses become links, and an address alone in its
/// paragraph is the email's action, shown as a button (with the address under it for clients that block
/// buttons). Around it: a header with the network's name and a footer saying why the person got the email.
/// </summary>
public static partial class EmailLayout
{
    private const string Blue = "#005eb8";
    private const string Text = "#212b32";
    private const string Grey = "#4c6272";

    /// <summary>Why the recipient got an email of this kind; shown in every email's footer.</summary>
    public static string Reason(string kind, string service, string networkName)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return kind switch
        {
            "account.confirm-email" or "account.already-registered" => $"You got this email because this address was used to register for the {service}.",
            "account.password-reset" => $"You got this email because someone asked to reset the password of the {service} account with this address.",
            "account.password-changed" => $"You got this email because the password of your {service} account was changed.",
            "account.invitation" => $"You got this email because the {networkName} team invited this address to the {service}.",
            "join-request.digest" or "proposal.submitted" or "vacancy.interest" => $"You got this email because you are on the {networkName} network team.",
            CopPortal.Domain.Messaging.NotificationDigest.EmailKind => $"You got this email because you chose to get some emails from the {service} in one daily summary.",
            "terms.review-reminder" => $"You got this email because you chair a community of practice on the {service}, or are on the network team.",
            _ when kind.StartsWith("join-request.", StringComparison.Ordinal) => $"You got this email because you asked to join a community of practice on the {service}.",
            _ when kind.StartsWith("proposal.", StringComparison.Ordinal) => $"You got this email because you proposed a new community of practice on the {service}.",
            _ => $"You got this email because you have an account on the {service}.",
        };
    }

    /// <summary>The plain-text part: the body, then a signature block with the service's name and the reason.</summary>
    public static string RenderText(string body, string service, string reason, EmailFooterLinks? links = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        // "-- " on its own line is the standard signature separator: mail clients grey out or fold what follows.
        var text = Normalise(body).TrimEnd() + "\n\n-- \n" + service + "\n" + reason + "\n";
        if (links is not null)
        {
            if (links.UnsubscribeUrl is not null)
            {
                text += $"Unsubscribe from emails about {links.TopicLabel}: {links.UnsubscribeUrl}\n";
            }
            text += $"Choose which emails you get: {links.SettingsUrl}\n";
        }
        return text;
    }

    /// <summary>The HTML part: the same words in the network's header and footer, inline styles only (mail clients drop style sheets).</summary>
    public static string RenderHtml(string subject, string body, string networkName, string service, string reason, EmailFooterLinks? links = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(subject)).Append("</title>\n</head>\n")
            .Append("<body style=\"margin:0;padding:0;background:#f0f4f5;font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:").Append(Text).Append("\">\n")
            .Append("<div style=\"max-width:640px;margin:0 auto;background:#ffffff\">\n")
            .Append("<div style=\"background:").Append(Blue).Append(";color:#ffffff;padding:16px 24px;font-size:19px;font-weight:bold\">").Append(Encode(networkName)).Append("</div>\n")
            .Append("<div style=\"padding:24px\">\n");
        foreach (var paragraph in Paragraphs(body))
        {
            AppendParagraph(html, paragraph);
        }
        html.Append("</div>\n")
            .Append("<div style=\"border-top:1px solid #d8dde0;padding:16px 24px;font-size:14px;color:").Append(Grey).Append("\">\n")
            .Append("<p style=\"margin:0 0 8px\">").Append(Encode(service)).Append("</p>\n")
            .Append("<p style=\"margin:0\">").Append(Encode(reason)).Append("</p>\n");
        if (links is not null)
        {
            html.Append("<p style=\"margin:8px 0 0\">");
            if (links.UnsubscribeUrl is not null)
            {
                html.Append("<a href=\"").Append(Encode(links.UnsubscribeUrl)).Append("\" style=\"color:").Append(Blue).Append("\">Unsubscribe from emails about ")
                    .Append(Encode(links.TopicLabel ?? "this")).Append("</a> or ");
            }
            html.Append("<a href=\"").Append(Encode(links.SettingsUrl)).Append("\" style=\"color:").Append(Blue).Append("\">")
                .Append(links.UnsubscribeUrl is null ? "Choose" : "choose").Append(" which emails you get</a></p>\n");
        }
        html.Append("</div>\n</div>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendParagraph(StringBuilder html, string[] lines)
    {
        if (lines.Length == 1 && WebAddress().Match(lines[0].Trim()) is { Success: true } only && only.Length == lines[0].Trim().Length)
        {
            var url = Encode(only.Value);
            html.Append("<p style=\"margin:24px 0 8px\"><a href=\"").Append(url)
                .Append("\" style=\"display:inline-block;background:#007f3b;color:#ffffff;font-weight:bold;text-decoration:none;padding:12px 16px;border-radius:4px;box-shadow:0 4px 0 #00401e\">Open the link</a></p>\n")
                .Append("<p style=\"margin:0 0 16px;font-size:14px;color:").Append(Grey).Append(";word-break:break-all\">Or copy this address into your browser: <a href=\"")
                .Append(url).Append("\" style=\"color:").Append(Blue).Append("\">").Append(url).Append("</a></p>\n");
            return;
        }
        // "## " alone in its paragraph is a section heading (the daily summary's topics).
        if (lines.Length == 1 && lines[0].StartsWith("## ", StringComparison.Ordinal))
        {
            html.Append("<h2 style=\"margin:24px 0 8px;font-size:19px\">").Append(Encode(lines[0][3..].Trim())).Append("</h2>\n");
            return;
        }
        // Runs of ordinary lines are a paragraph (line breaks kept); runs of "- " lines are a list.
        var index = 0;
        while (index < lines.Length)
        {
            var bullet = IsBullet(lines[index]);
            var run = lines.Skip(index).TakeWhile(l => IsBullet(l) == bullet).ToList();
            index += run.Count;
            if (bullet)
            {
                html.Append("<ul style=\"margin:0 0 16px;padding-left:24px\">\n");
                foreach (var item in run)
                {
                    html.Append("<li style=\"margin-bottom:4px\">").Append(Linkify(item.TrimStart()[2..])).Append("</li>\n");
                }
                html.Append("</ul>\n");
            }
            else
            {
                html.Append("<p style=\"margin:0 0 16px\">").Append(string.Join("<br>\n", run.Select(Linkify))).Append("</p>\n");
            }
        }
    }

    private static bool IsBullet(string line) => line.TrimStart().StartsWith("- ", StringComparison.Ordinal);

    /// <summary>The line HTML-encoded, with each http(s) address made a link.</summary>
    private static string Linkify(string line)
    {
        var result = new StringBuilder();
        var last = 0;
        foreach (Match match in WebAddress().Matches(line))
        {
            result.Append(Encode(line[last..match.Index]));
            var url = Encode(match.Value);
            result.Append("<a href=\"").Append(url).Append("\" style=\"color:").Append(Blue).Append("\">").Append(url).Append("</a>");
            last = match.Index + match.Length;
        }
        return result.Append(Encode(line[last..])).ToString();
    }

    private static IEnumerable<string[]> Paragraphs(string body) =>
        ParagraphBreak().Split(Normalise(body).Trim())
            .Select(p => p.Split('\n').Select(l => l.TrimEnd()).ToArray())
            .Where(p => p.Any(l => l.Length > 0));

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    // An address ends before whitespace or a quote; a full stop, comma or bracket right after it is the sentence's.
    [GeneratedRegex(@"https?://[^\s<>""']+?(?=[.,;:!?)\]]*(\s|$))", RegexOptions.CultureInvariant)]
    private static partial Regex WebAddress();

    [GeneratedRegex(@"\n[ \t]*\n+")]
    private static partial Regex ParagraphBreak();
}

/// <summary>
/// The footer links of an email a person chose to get: one-click unsubscribe from its topic (absent on the daily
/// summary, which covers several) and the settings page.
/// </summary>
public sealed record EmailFooterLinks(string SettingsUrl, string? UnsubscribeUrl = null, string? TopicLabel = null);
