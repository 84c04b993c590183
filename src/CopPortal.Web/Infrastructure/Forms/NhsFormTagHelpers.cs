using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CopPortal.Web.Infrastructure.Forms;

/// <summary>
/// NHS.UK design-system form fields with labels, hints and inline errors, bound to a model expression.
/// Each field's id is the sanitised field name, which is what the error summary links to.
/// </summary>
public abstract class NhsFieldTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = default!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public string? Label { get; set; }
    public string? Hint { get; set; }

    /// <summary>Makes the label a page heading (l, m, s) for one-question pages.</summary>
    public string? LabelSize { get; set; }

    /// <summary>
    /// The field's character limit (its validator's), shown before submitting with the NHS.UK character count:
    /// "You can enter up to 2,000 characters" without JavaScript, a live count with it.
    /// </summary>
    [HtmlAttributeName("max-length")]
    public int? MaxLength { get; set; }

    protected string Name => For.Name;
    protected string Id => FieldIds.For(For.Name);
    protected string LabelText => Label ?? For.Metadata.DisplayName ?? For.Metadata.PropertyName ?? For.Name;

    protected string? ErrorMessage =>
        ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.Errors.Count > 0
            ? entry.Errors[0].ErrorMessage
            : null;

    protected string? CurrentValue
    {
        get
        {
            if (ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.AttemptedValue is not null)
            {
                return entry.AttemptedValue;
            }
            return For.Model switch
            {
                null => null,
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var v => v.ToString(),
            };
        }
    }

    protected static string E(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    protected string DescribedBy(string? error)
    {
        var ids = new List<string>();
        // The count message comes first, as in the NHS.UK character count.
        if (MaxLength is not null) ids.Add(Id + "-info");
        if (Hint is not null) ids.Add(Id + "-hint");
        if (error is not null) ids.Add(Id + "-error");
        return ids.Count == 0 ? "" : $" aria-describedby=\"{string.Join(' ', ids)}\"";
    }

    protected string HintAndError(string? error)
    {
        var html = new StringBuilder();
        if (Hint is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"nhsuk-hint\" id=\"{Id}-hint\">{E(Hint)}</div>");
        }
        if (error is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"nhsuk-error-message\" id=\"{Id}-error\"><span class=\"nhsuk-u-visually-hidden\">Error:</span> {E(error)}</span>");
        }
        return html.ToString();
    }

    /// <summary>The character count's message, after the field; empty when the field has no limit.</summary>
    protected string CountMessage() => MaxLength is int max
        ? $"<div class=\"nhsuk-hint nhsuk-character-count__message\" id=\"{Id}-info\">You can enter up to {Numbers.Format(max)} characters</div>"
        : "";

    /// <summary>The class that marks the field the character count watches.</summary>
    protected string CountClass => MaxLength is null ? "" : " nhsuk-js-character-count";

    protected string LabelHtml()
    {
        if (LabelSize is null)
        {
            return $"<label class=\"nhsuk-label\" for=\"{Id}\">{E(LabelText)}</label>";
        }
        return $"<h1 class=\"nhsuk-label-wrapper\"><label class=\"nhsuk-label nhsuk-label--{LabelSize}\" for=\"{Id}\">{E(LabelText)}</label></h1>";
    }

    protected void Wrap(TagHelperOutput output, string inner, string? error)
    {
        FieldOrder.Register(ViewContext.HttpContext, Name);
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", (error is null ? "nhsuk-form-group" : "nhsuk-form-group nhsuk-form-group--error") + (MaxLength is null ? "" : " nhsuk-character-count"));
        if (MaxLength is int max)
        {
            output.Attributes.SetAttribute("data-module", "nhsuk-character-count");
            output.Attributes.SetAttribute("data-maxlength", max.ToString(CultureInfo.InvariantCulture));
        }
        output.Content.SetHtmlContent(inner);
    }
}

public static class FieldIds
{
    public static string For(string name) => TagBuilder.CreateSanitizedId(name, "_");
}

[HtmlTargetElement("nhs-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsInputTagHelper : NhsFieldTagHelper
{
    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }

    /// <summary>Character width class: 2, 3, 4, 5, 10, 20, 30.</summary>
    public int? Width { get; set; }
    public bool Spellcheck { get; set; } = true;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = ErrorMessage;
        var css = "nhsuk-input" + (Width is null ? "" : $" nhsuk-input--width-{Width}") + (error is null ? "" : " nhsuk-input--error") + CountClass;
        var value = Type == "password" ? "" : CurrentValue;
        var extra = (Autocomplete is null ? "" : $" autocomplete=\"{E(Autocomplete)}\"") + (Spellcheck ? "" : " spellcheck=\"false\"");
        var input = $"<input class=\"{css}\" id=\"{Id}\" name=\"{E(Name)}\" type=\"{E(Type)}\" value=\"{E(value)}\"{extra}{DescribedBy(error)}>";
        Wrap(output, LabelHtml() + HintAndError(error) + input + CountMessage(), error);
    }
}

/// <summary>
/// The NHS.UK date input: day, month and year boxes in a fieldset, bound to a <see cref="DateInput"/>. The day
/// box takes the field's own id so the error summary link lands on it.
/// </summary>
[HtmlTargetElement("nhs-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsDateInputTagHelper : NhsFieldTagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        // Every date input shows how to type a date, after any hint of the page's own.
        Hint = Hint is null ? DateInput.Example : $"{Hint} {DateInput.Example}";
        var error = ErrorMessage;
        var date = For.Model as DateInput ?? new DateInput();
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<fieldset class=\"nhsuk-fieldset\" role=\"group\"{DescribedBy(error)}>");
        html.Append(CultureInfo.InvariantCulture, $"<legend class=\"nhsuk-fieldset__legend nhsuk-fieldset__legend--s\">{E(LabelText)}</legend>");
        html.Append(HintAndError(error));
        html.Append("<div class=\"nhsuk-date-input\">");
        Part(html, Id, "Day", date.Day, 2, error);
        Part(html, Id + "-month", "Month", date.Month, 2, error);
        Part(html, Id + "-year", "Year", date.Year, 4, error);
        html.Append("</div></fieldset>");
        Wrap(output, html.ToString(), error);
    }

    private void Part(StringBuilder html, string id, string part, string? value, int width, string? error)
    {
        var css = $"nhsuk-input nhsuk-date-input__input nhsuk-input--width-{width}" + (error is null ? "" : " nhsuk-input--error");
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"nhsuk-date-input__item\"><div class=\"nhsuk-form-group\">");
        html.Append(CultureInfo.InvariantCulture, $"<label class=\"nhsuk-label nhsuk-date-input__label\" for=\"{id}\">{part}</label>");
        html.Append(CultureInfo.InvariantCulture, $"<input class=\"{css}\" id=\"{id}\" name=\"{E(Name)}.{part}\" type=\"text\" inputmode=\"numeric\" value=\"{E(value)}\"></div></div>");
    }
}

[HtmlTargetElement("nhs-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsTextareaTagHelper : NhsFieldTagHelper
{
    public int Rows { get; set; } = 5;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = ErrorMessage;
        var css = "nhsuk-textarea" + (error is null ? "" : " nhsuk-textarea--error") + CountClass;
        var textarea = $"<textarea class=\"{css}\" id=\"{Id}\" name=\"{E(Name)}\" rows=\"{Rows}\"{DescribedBy(error)}>{E(CurrentValue)}</textarea>";
        Wrap(output, LabelHtml() + HintAndError(error) + textarea + CountMessage(), error);
    }
}

[HtmlTargetElement("nhs-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsSelectTagHelper : NhsFieldTagHelper
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>Text of an empty first option, e.g. "Select a profession".</summary>
    public string? Placeholder { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = ErrorMessage;
        var current = CurrentValue;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<select class=\"nhsuk-select{(error is null ? "" : " nhsuk-select--error")}\" id=\"{Id}\" name=\"{E(Name)}\"{DescribedBy(error)}>");
        if (Placeholder is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"\">{E(Placeholder)}</option>");
        }
        foreach (var item in Items)
        {
            var selected = item.Value == current ? " selected" : "";
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{E(item.Value)}\"{selected}>{E(item.Text)}</option>");
        }
        html.Append("</select>");
        Wrap(output, LabelHtml() + HintAndError(error) + html, error);
    }
}

/// <summary>Radios or checkboxes in a fieldset with a legend. Checkboxes bind to a list property.</summary>
public abstract class NhsChoiceTagHelper : NhsFieldTagHelper
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];
    public bool Inline { get; set; }

    protected abstract string Kind { get; }

    protected abstract bool IsChecked(SelectListItem item);

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = ErrorMessage;
        var legend = LabelSize is null
            ? $"<legend class=\"nhsuk-fieldset__legend nhsuk-fieldset__legend--s\">{E(LabelText)}</legend>"
            : $"<legend class=\"nhsuk-fieldset__legend nhsuk-fieldset__legend--{LabelSize}\"><h1 class=\"nhsuk-fieldset__heading\">{E(LabelText)}</h1></legend>";
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<fieldset class=\"nhsuk-fieldset\"{DescribedBy(error)}>{legend}{HintAndError(error)}");
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"nhsuk-{Kind}{(Inline ? $" nhsuk-{Kind}--inline" : "")}\" data-module=\"nhsuk-{Kind}\">");
        var index = 0;
        foreach (var item in Items)
        {
            // The first option takes the field's own id so the error summary link lands on it.
            var itemId = index == 0 ? Id : $"{Id}-{index + 1}";
            var type = Kind == "radios" ? "radio" : "checkbox";
            var isChecked = IsChecked(item) ? " checked" : "";
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"nhsuk-{Kind}__item\"><input class=\"nhsuk-{Kind}__input\" id=\"{itemId}\" name=\"{E(Name)}\" type=\"{type}\" value=\"{E(item.Value)}\"{isChecked}>");
            html.Append(CultureInfo.InvariantCulture, $"<label class=\"nhsuk-label nhsuk-{Kind}__label\" for=\"{itemId}\">{E(item.Text)}</label></div>");
            index++;
        }
        html.Append("</div></fieldset>");
        Wrap(output, html.ToString(), error);
    }
}

[HtmlTargetElement("nhs-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsRadiosTagHelper : NhsChoiceTagHelper
{
    protected override string Kind => "radios";

    protected override bool IsChecked(SelectListItem item)
    {
        var current = CurrentValue;
        if (current is "True" or "False")
        {
            current = current.ToLowerInvariant();
        }
        return string.Equals(item.Value, current, StringComparison.OrdinalIgnoreCase);
    }
}

[HtmlTargetElement("nhs-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsCheckboxesTagHelper : NhsChoiceTagHelper
{
    protected override string Kind => "checkboxes";

    protected override bool IsChecked(SelectListItem item)
    {
        if (ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.RawValue is not null)
        {
            return entry.RawValue switch
            {
                string s => s == item.Value,
                string[] raw => raw.Contains(item.Value),
                _ => false,
            };
        }
        return For.Model is IEnumerable values and not string
            && values.Cast<object?>().Any(v => string.Equals(Convert.ToString(v, CultureInfo.InvariantCulture), item.Value, StringComparison.Ordinal));
    }
}

/// <summary>The NHS.UK error summary: every error on the page, each linking to its field.</summary>
[HtmlTargetElement("nhs-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var state = ViewContext.ViewData.ModelState;
        if (state.IsValid)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "nhsuk-error-summary");
        output.Attributes.SetAttribute("data-module", "nhsuk-error-summary");
        output.Content.SetHtmlContent(new HtmlString(
            "<div role=\"alert\"><h2 class=\"nhsuk-error-summary__heading\">There is a problem</h2>" +
            "<div class=\"nhsuk-error-summary__body\"><ul class=\"nhsuk-list nhsuk-error-summary__list\">"));
        output.Content.AppendHtml(new DeferredErrorList(state, ViewContext.HttpContext));
        output.Content.AppendHtml("</ul></div></div>");
    }

    /// <summary>
    /// The summary sits above the fields but must list errors in the fields' order. Razor buffers the page and
    /// writes it out only after every field has rendered, so the list is built at write time from the order
    /// in which the field tag helpers registered themselves; errors for other keys follow, page-level ones first.
    /// </summary>
    private sealed class DeferredErrorList(ModelStateDictionary state, HttpContext http) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            var order = FieldOrder.Of(http);
            var entries = state
                .Where(kv => kv.Value is { ValidationState: ModelValidationState.Invalid, Errors.Count: > 0 })
                .OrderBy(kv => kv.Key.Length == 0 ? -1 : order.IndexOf(kv.Key) is var i and >= 0 ? i : int.MaxValue);
            foreach (var (key, entry) in entries)
            {
                var text = encoder.Encode(entry!.Errors[0].ErrorMessage);
                writer.Write(string.IsNullOrEmpty(key)
                    ? $"<li>{text}</li>"
                    : $"<li><a href=\"#{FieldIds.For(key)}\">{text}</a></li>");
            }
        }
    }
}

/// <summary>The order in which form fields rendered on this request, for the error summary.</summary>
internal static class FieldOrder
{
    private const string Key = "nhs-field-order";

    public static void Register(HttpContext http, string name)
    {
        if (http.Items[Key] is not List<string> names)
        {
            names = [];
            http.Items[Key] = names;
        }
        names.Add(name);
    }

    public static List<string> Of(HttpContext http) => http.Items[Key] as List<string> ?? [];
}
