using System.Globalization;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CopPortal.BrowserTests.Crawl;

/// <summary>
/// Follows every same-origin link a signed-in (or anonymous) user can reach, then submits each safe form once with
/// its fields empty. On every page and every error state it runs axe-core, checks reflow at 320 CSS pixels and
/// collects console errors and failed requests. New pages are found by following links, so no list to keep up.
/// </summary>
public sealed partial class SiteCrawler
{
    /// <summary>Pages per role; the demo data needs about half of this, so the bound only stops a runaway.</summary>
    public const int MaxPages = 150;

    /// <summary>Pages that differ only in an id or a query string share a template; a few of each is enough.</summary>
    public const int VariantsPerPattern = 3;

    private const int NarrowWidth = 320;
    private static readonly ViewportSize Wide = new() { Width = 1200, Height = 900 };
    private static readonly ViewportSize Narrow = new() { Width = NarrowWidth, Height = 900 };

    private readonly IPage _page;
    private readonly Uri _origin;
    private readonly List<string> _problems = [];
    private readonly HashSet<string> _seen = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _variants = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _skipped = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (string Page, int Index)> _forms = new(StringComparer.OrdinalIgnoreCase);
    private string _current = "";

    public SiteCrawler(IPage page, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(page);
        _page = page;
        _origin = new Uri(baseUrl);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _problems.Add($"{_current} — console error: {message.Text}");
            }
        };
        page.PageError += (_, error) => _problems.Add($"{_current} — script error: {error}");
        page.RequestFailed += (_, request) => _problems.Add($"{_current} — request failed: {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            // A page's own status is checked where it is visited; here only its parts (styles, scripts, images, icons).
            if (response.Status >= 400 && response.Request.ResourceType != "document" && IsSameOrigin(new Uri(response.Url)))
            {
                _problems.Add($"{_current} — asset {response.Url} answered {response.Status}");
            }
        };
    }

    public IReadOnlyList<string> Problems => _problems;
    public List<string> PagesVisited { get; } = [];
    public List<string> FormsSubmitted { get; } = [];
    public List<string> FormsSkipped { get; } = [];
    public int ErrorStatesChecked { get; private set; }

    public async Task RunAsync()
    {
        var queue = new Queue<Uri>();
        // "My communities" first, so a member's own community is among the few of each kind of page visited.
        Enqueue(queue, new Uri(_origin, "/"));
        Enqueue(queue, new Uri(_origin, "/my"));
        while (queue.Count > 0 && PagesVisited.Count < MaxPages)
        {
            var url = queue.Dequeue();
            _current = url.PathAndQuery;
            var response = await _page.GotoAsync(url.ToString());
            PagesVisited.Add(url.PathAndQuery);
            if (response is null || response.Status >= 400)
            {
                _problems.Add($"{url.PathAndQuery} — linked page answered {response?.Status.ToString(CultureInfo.InvariantCulture) ?? "nothing"}");
                continue;
            }
            if (!await IsHtmlAsync(response))
            {
                continue;
            }
            await CheckPageAsync();
            foreach (var href in await _page.EvalOnSelectorAllAsync<string[]>("a[href]:not([download])", "links => links.map(a => a.href)"))
            {
                if (Uri.TryCreate(href, UriKind.Absolute, out var link))
                {
                    Enqueue(queue, link);
                }
            }
            await RecordFormsAsync();
        }
        foreach (var (action, (pageUrl, index)) in _forms)
        {
            await SubmitEmptyAsync(action, pageUrl, index);
        }
    }

    private void Enqueue(Queue<Uri> queue, Uri link)
    {
        if (!IsSameOrigin(link) || Skip(link.AbsolutePath))
        {
            return;
        }
        var key = link.AbsolutePath.TrimEnd('/') + link.Query;
        if (!_seen.Add(key))
        {
            return;
        }
        var pattern = Pattern(link) + "?" + string.Join("&", QueryNames(link));
        _variants[pattern] = _variants.GetValueOrDefault(pattern) + 1;
        if (_variants[pattern] <= VariantsPerPattern)
        {
            queue.Enqueue(new Uri(link.GetLeftPart(UriPartial.Query)));
        }
    }

    /// <summary>The page's template: ids, GUIDs and community slugs stand for any value.</summary>
    private static string Pattern(Uri link) => ParameterSegment().Replace(link.AbsolutePath.TrimEnd('/'), "{x}");

    private static IEnumerable<string> QueryNames(Uri link) =>
        link.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0].ToLowerInvariant()).Order(StringComparer.Ordinal);

    private bool IsSameOrigin(Uri link) =>
        link.Scheme == _origin.Scheme && link.Host == _origin.Host && link.Port == _origin.Port;

    /// <summary>Sign-out, links that act when followed, and downloads, which are not pages.</summary>
    private static bool Skip(string path) =>
        StateChangingPath().IsMatch(path) || Download().IsMatch(path);

    private static async Task<bool> IsHtmlAsync(IResponse response) =>
        (await response.HeaderValueAsync("content-type"))?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;

    private async Task CheckPageAsync()
    {
        var results = await _page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        foreach (var violation in results.Violations)
        {
            foreach (var node in violation.Nodes)
            {
                _problems.Add($"{_current} — axe {violation.Id}: {violation.Help} at {string.Join(" ", node.Target)}");
            }
        }

        // WCAG 1.4.10 Reflow: at 320 CSS pixels nothing may need scrolling sideways.
        await _page.SetViewportSizeAsync(Narrow.Width, Narrow.Height);
        // The header's script fits its menu to the width on the resize event; let that run before measuring.
        await _page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
        var scrollWidth = await _page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (scrollWidth > NarrowWidth)
        {
            var widest = await _page.EvaluateAsync<string>(WidestElementScript, NarrowWidth);
            _problems.Add($"{_current} — reflow: {scrollWidth}px wide at {NarrowWidth}px (widest: {widest})");
        }
        await _page.SetViewportSizeAsync(Wide.Width, Wide.Height);
    }

    /// <summary>Names the outermost element that sticks out past the right edge, for the failure message.</summary>
    private const string WidestElementScript = """
        width => {
          const over = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width + 0.5);
          const outer = over.filter(e => !over.includes(e.parentElement));
          return outer.slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '')).join(', ');
        }
        """;

    private async Task RecordFormsAsync()
    {
        var forms = await _page.EvalOnSelectorAllAsync<string[][]>("form", CheckFormsScript, DestructiveWords().ToString());
        for (var i = 0; i < forms.Length; i++)
        {
            var (actionUrl, reason) = (forms[i][0], forms[i][1]);
            if (actionUrl.Length == 0 || !Uri.TryCreate(actionUrl, UriKind.Absolute, out var action))
            {
                continue;
            }
            // One submission per kind of form: the same form for another record, or with another return address,
            // is the same code. The handler is what tells a page's forms apart.
            var handler = System.Web.HttpUtility.ParseQueryString(action.Query)["handler"];
            var key = Pattern(action) + (handler is null ? "" : "?handler=" + handler.ToLowerInvariant());
            if (reason.Length > 0)
            {
                if (_skipped.Add(key))
                {
                    FormsSkipped.Add($"{key} ({reason})");
                }
                continue;
            }
            _forms.TryAdd(key, (_page.Url, i));
        }
    }

    /// <summary>For each form: its action if it posts, and why an empty submission is not safe ("" if it is).</summary>
    private const string CheckFormsScript = """
        (forms, destructive) => forms.map(form => {
          if (form.method.toLowerCase() !== 'post') return ['', ''];
          const words = new RegExp(destructive, 'i');
          const action = new URL(form.action);
          if (words.test(action.pathname + action.search)) return [form.action, 'its action acts'];
          const fields = [...form.elements].filter(e =>
            (e.tagName === 'INPUT' && !['hidden', 'submit', 'button', 'image', 'reset'].includes(e.type)) ||
            e.tagName === 'TEXTAREA' || e.tagName === 'SELECT');
          if (fields.length === 0) return [form.action, 'nothing to fill in: sending it acts'];
          if (fields.some(e => e.tagName === 'SELECT' && ![...e.options].some(o => o.value === ''))) return [form.action, 'a list that cannot be left unchosen'];
          const buttons = [...form.querySelectorAll('button:not([type=button]):not([type=reset]), input[type=submit]')];
          if (!buttons.some(b => !words.test(b.textContent + ' ' + (b.value || '')))) return [form.action, 'every button acts'];
          return [form.action, ''];
        })
        """;

    /// <summary>
    /// Empties the form and submits it. A form whose empty submission could act is not sent: one whose action or
    /// button says it removes, ends or decides something, one with nothing to fill in (a lone button acts), and one
    /// with a list that cannot be left unchosen (its first option would be sent as a real choice).
    /// </summary>
    private async Task SubmitEmptyAsync(string action, string pageUrl, int index)
    {
        _current = new Uri(pageUrl).PathAndQuery;
        await _page.GotoAsync(pageUrl);
        var form = _page.Locator("form").Nth(index);
        await form.EvaluateAsync(EmptyFormScript, DestructiveWords().ToString());
        FormsSubmitted.Add(action);
        _current = $"{_current} [empty {action}]";
        var response = await _page.RunAndWaitForResponseAsync(
            () => form.EvaluateAsync("f => f.requestSubmit(f.querySelector('[data-crawler-submit]'))"),
            r => r.Request.IsNavigationRequest && r.Request.Method == "POST");
        await _page.WaitForLoadStateAsync(LoadState.Load);
        if (response.Status >= 400)
        {
            _problems.Add($"{_current} — answered {response.Status}");
            return;
        }
        if (response.Status is >= 300 and < 400)
        {
            // Let the redirect finish (a new document, without the marked button), or the next visit would cut it
            // off and report a failed request that is no fault.
            await _page.WaitForFunctionAsync("() => document.readyState === 'complete' && !document.querySelector('[data-crawler-submit]')");
        }
        if (response.Status != 200)
        {
            // Redirected: the form accepted the empty submission (every field was optional); the page it went on
            // to is an ordinary page the crawl covers.
            return;
        }
        if (await _page.Locator(".nhsuk-error-summary").CountAsync() > 0)
        {
            ErrorStatesChecked++;
            var title = await _page.TitleAsync();
            if (!title.StartsWith("Error: ", StringComparison.Ordinal))
            {
                _problems.Add($"{_current} — error summary shown but the title does not start with \"Error: \": {title}");
            }
        }
        await CheckPageAsync();
    }

    /// <summary>Empties every field, turns off the browser's own checks and marks the first button that does not act.</summary>
    private const string EmptyFormScript = """
        (form, destructive) => {
          const words = new RegExp(destructive, 'i');
          for (const e of form.elements) {
            if (e.type === 'checkbox' || e.type === 'radio') e.checked = false;
            else if (e.tagName === 'TEXTAREA' || e.tagName === 'SELECT' || (e.tagName === 'INPUT' && !['hidden', 'submit', 'button', 'image', 'reset'].includes(e.type))) e.value = '';
          }
          form.noValidate = true;
          [...form.querySelectorAll('button:not([type=button]):not([type=reset]), input[type=submit]')]
            .find(b => !words.test(b.textContent + ' ' + (b.value || ''))).setAttribute('data-crawler-submit', '');
        }
        """;

    /// <summary>Numbers, GUIDs and the community slug (after /communities/, other than the fixed pages there).</summary>
    [GeneratedRegex(@"(?<=/)(\d+|[0-9a-f]{8}-[0-9a-f-]{27})(?=/|$)|(?<=^/(staff/)?communities/)(?!(propose|new|template)(/|$))[^/]+", RegexOptions.IgnoreCase)]
    private static partial Regex ParameterSegment();

    [GeneratedRegex(@"^/account/(sign-out|confirm-email)", RegexOptions.IgnoreCase)]
    private static partial Regex StateChangingPath();

    [GeneratedRegex(@"\.(pdf|ics|zip|csv|xlsx?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Download();

    [GeneratedRegex(@"sign-?out|delete|remove|revoke|withdraw|leave|close|approve|accept|decline|reject|retry|resend|status")]
    private static partial Regex DestructiveWords();
}
