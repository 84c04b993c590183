using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Xunit;

namespace CopPortal.TestSupport;

/// <summary>Reads pages and submits their forms the way a browser would (antiforgery token included).</summary>
public static class Html
{
    private static readonly IBrowsingContext Context = BrowsingContext.New(Configuration.Default);

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var html = await response.Content.ReadAsStringAsync();
        return (IHtmlDocument)await Context.OpenAsync(req => req.Content(html).Address(response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/"));
    }

    /// <summary>A table row's or cell's text without the column labels a responsive table repeats in each cell for phones.</summary>
    public static string CellText(this IElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        var copy = (IElement)element.Clone();
        foreach (var heading in copy.QuerySelectorAll(".nhsuk-table__heading"))
        {
            heading.Remove();
        }
        return copy.TextContent;
    }

    /// <summary>GETs a page, asserts 200, and returns its parsed document.</summary>
    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} returned {(int)response.StatusCode} {response.Headers.Location}");
        return await ParseAsync(response);
    }

    /// <summary>
    /// Loads the page at <paramref name="url"/>, takes the form matched by <paramref name="formSelector"/>
    /// (default: the first POST form inside main), fills the given fields over its current values and submits it.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? formSelector = null, string? submitName = null, string? submitValue = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetPageAsync(url);
        var form = (formSelector is null
            ? page.QuerySelectorAll("main form").OfType<IHtmlFormElement>().FirstOrDefault(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase))
            : page.QuerySelector(formSelector) as IHtmlFormElement)
            ?? throw new InvalidOperationException($"No form {formSelector ?? "(POST in main)"} on {url}");
        return await client.PostFormAsync(form, fields, url, submitName, submitValue);
    }

    /// <summary>
    /// Loads the page at <paramref name="url"/> and presses the submit button matched by <paramref name="buttonSelector"/>
    /// as a browser would: its form (its own or the one its form attribute names), posted to the button's formaction
    /// when it has one, with the button's name and value.
    /// </summary>
    public static async Task<HttpResponseMessage> PressButtonAsync(this HttpClient client, string url, string buttonSelector)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetPageAsync(url);
        var button = page.QuerySelector(buttonSelector) as IHtmlButtonElement ?? throw new InvalidOperationException($"No button {buttonSelector} on {url}");
        var form = (button.GetAttribute("form") is { Length: > 0 } formId ? page.GetElementById(formId) as IHtmlFormElement : button.Closest("form") as IHtmlFormElement)
            ?? throw new InvalidOperationException($"The button {buttonSelector} on {url} has no form");
        if (button.GetAttribute("formaction") is { Length: > 0 } formAction)
        {
            form.SetAttribute("action", formAction);
        }
        return await client.PostFormAsync(form, [], url, button.Name is { Length: > 0 } name ? name : null, button.Value);
    }

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, IHtmlFormElement form, IEnumerable<KeyValuePair<string, string>> fields, string pageUrl, string? submitName = null, string? submitValue = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(fields);
        var values = new List<KeyValuePair<string, string>>();
        var overrides = fields.ToList();
        var overridden = overrides.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in form.Elements)
        {
            // Overridden fields go where the field is in the form, as a browser posts them in document order.
            if (element.GetAttribute("name") is { Length: > 0 } fieldName && overridden.Contains(fieldName) && placed.Add(fieldName))
            {
                values.AddRange(overrides.Where(f => f.Key == fieldName));
            }
            switch (element)
            {
                case IHtmlInputElement input when input.Name is { Length: > 0 } name && !overridden.Contains(name):
                    if (input.Type is "checkbox" or "radio")
                    {
                        if (input.IsChecked)
                        {
                            values.Add(new(name, input.Value));
                        }
                    }
                    else if (input.Type is not "submit" and not "button")
                    {
                        values.Add(new(name, input.Value));
                    }
                    break;
                case IHtmlTextAreaElement area when area.Name is { Length: > 0 } name && !overridden.Contains(name):
                    values.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select when select.Name is { Length: > 0 } name && !overridden.Contains(name):
                    values.Add(new(name, select.Value ?? ""));
                    break;
            }
        }
        values.AddRange(overrides.Where(f => !placed.Contains(f.Key)));
        if (submitName is not null)
        {
            values.Add(new(submitName, submitValue ?? ""));
        }
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : action;
        return await client.PostAsync(target, new FormUrlEncodedContent(values));
    }

    /// <summary>The messages listed in the NHS.UK error summary.</summary>
    public static IReadOnlyList<string> ErrorSummary(this IDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.QuerySelectorAll(".nhsuk-error-summary__list li").Select(li => li.TextContent.Trim()).ToList();
    }

    public static string MainText(this IDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return System.Text.RegularExpressions.Regex.Replace(document.QuerySelector("main")?.TextContent ?? "", @"\s+", " ");
    }

    public static Dictionary<string, string> Form(params (string Key, string Value)[] fields) =>
        fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
}
