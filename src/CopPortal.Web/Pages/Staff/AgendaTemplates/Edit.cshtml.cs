using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.Minutes;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Forms.Validators;
using CopPortal.Web.Pages.Communities.Meetings;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Pages.Staff.AgendaTemplates;

/// <summary>
/// Adds an agenda template (/staff/agenda-templates/new) or edits one (/staff/agenda-templates/{id}): its name,
/// description and ordered items. Items are rows in one form, so no JavaScript is needed: the "Order" numbers set
/// the order, a cleared row is removed, and a few empty rows take new items. The item that lists open actions
/// (matters arising) keeps that role when edited. Saves are audited (SaveChanges).
/// </summary>
public class EditModel(CopDbContext db) : PageModel
{
    /// <summary>Empty rows offered for new items below the template's own.</summary>
    public const int BlankRows = 3;

    [BindProperty]
    public TemplateInput Input { get; set; } = new();

    public AgendaTemplate? Template { get; private set; }

    public bool IsNew => Template is null;

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        if (id is not null)
        {
            Template = await db.AgendaTemplates.AsNoTracking().Include(t => t.Items).FirstOrDefaultAsync(t => t.Id == id);
            if (Template is null)
            {
                return NotFound();
            }
            Input = new TemplateInput
            {
                Name = Template.Name,
                Description = Template.Description,
                Items = Template.Items.OrderBy(i => i.Position).Select((i, n) => new TemplateItemInput
                {
                    Id = i.Id, Order = n + 1, Title = i.Title, Description = i.Description, MinutesAllotted = i.MinutesAllotted, Purpose = i.Purpose,
                }).ToList(),
            };
        }
        AddBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        AgendaTemplate? tracked = null;
        if (id is not null)
        {
            tracked = await db.AgendaTemplates.Include(t => t.Items).FirstOrDefaultAsync(t => t.Id == id);
            if (tracked is null)
            {
                return NotFound();
            }
            Template = tracked;
        }
        for (var i = 0; i < Input.Items.Count; i++)
        {
            Input.Items[i].Row = i + 1;
        }
        var valid = await this.ValidateInputAsync(Input);
        var name = FieldRules.Clean(Input.Name);
        if (valid && await db.AgendaTemplates.AnyAsync(t => t.Name == name && t.Id != (id ?? 0)))
        {
            ModelState.AddModelError("Input.Name", "There is already a template with that name");
            valid = false;
        }
        if (!valid)
        {
            AddBlankRows();
            return Page();
        }

        var template = tracked ?? new AgendaTemplate { SortOrder = (await db.AgendaTemplates.MaxAsync(t => (int?)t.SortOrder) ?? 0) + 1 };
        template.Name = name;
        template.Description = FieldRules.Clean(Input.Description);
        // Kept rows in the order asked for (ties keep the rows' order); existing items are updated in place.
        var kept = Input.Items.Where(i => !i.IsBlank).OrderBy(i => i.Order ?? int.MaxValue).ThenBy(i => i.Row).ToList();
        var previous = template.Items.ToDictionary(i => i.Id);
        template.Items = kept.Select((row, n) =>
        {
            var item = previous.GetValueOrDefault(row.Id) ?? new AgendaTemplateItem();
            item.Position = n + 1;
            item.Title = FieldRules.Clean(row.Title);
            item.Description = string.IsNullOrWhiteSpace(row.Description) ? null : FieldRules.Clean(row.Description);
            item.MinutesAllotted = row.MinutesAllotted;
            item.Purpose = row.Purpose ?? AgendaPurpose.Discussion;
            return item;
        }).ToList();
        if (tracked is null)
        {
            db.AgendaTemplates.Add(template);
        }
        else
        {
            // Rows cleared from the form are removed.
            db.RemoveRange(previous.Values.Where(p => !template.Items.Contains(p)));
        }
        await db.SaveChangesAsync();
        TempData["Success"] = tracked is null ? $"Template \"{template.Name}\" added" : $"Template \"{template.Name}\" saved";
        return Redirect(PortalPaths.StaffAgendaTemplates);
    }

    private void AddBlankRows()
    {
        var next = Input.Items.Count == 0 ? 1 : Input.Items.Max(i => i.Order ?? 0) + 1;
        while (Input.Items.Count(i => i.IsBlank) < BlankRows && Input.Items.Count < AgendaTemplate.MaxItems)
        {
            Input.Items.Add(new TemplateItemInput { Order = next++, Purpose = AgendaPurpose.Discussion });
        }
    }
}

public sealed class TemplateInput
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public List<TemplateItemInput> Items { get; set; } = [];
}

/// <summary>One row of the template's items; a row with nothing typed in it is ignored (or removes the item it held).</summary>
public sealed class TemplateItemInput
{
    public int Id { get; set; }
    public int? Order { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public int? MinutesAllotted { get; set; }
    public AgendaPurpose? Purpose { get; set; }

    /// <summary>The row's number on the page (set by the page, not posted), for error messages.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public int Row { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Description) && MinutesAllotted is null;
}

public sealed class TemplateInputValidator : FormValidator<TemplateInput>
{
    public TemplateInputValidator()
    {
        RuleFor(x => x.Name).Required("Enter the template's name").MaxChars(AgendaTemplate.NameMaxLength, "Name").SingleLine("Name");
        RuleFor(x => x.Description).Required("Enter when to use the template").MaxChars(AgendaTemplate.DescriptionMaxLength, "Description");
        RuleFor(x => x.Items)
            .Must(items => items.Any(i => !i.IsBlank)).WithMessage("Add at least one item")
            .Must(items => items.Count(i => !i.IsBlank) <= AgendaTemplate.MaxItems).WithMessage($"A template can have up to {AgendaTemplate.MaxItems} items");
        RuleForEach(x => x.Items).ChildRules(item =>
        {
            item.When(i => !i.IsBlank, () =>
            {
                item.RuleFor(i => i.Title)
                    .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(i => $"Enter the title of item {i.Row}, or clear the row to remove it")
                    .MaxChars(AgendaItem.TitleMaxLength, "Title").SingleLine("Title");
                item.RuleFor(i => i.Description).MaxChars(AgendaItem.DescriptionMaxLength, "Description");
                item.RuleFor(i => i.MinutesAllotted)
                    .InclusiveBetween(1, AgendaItem.MaxMinutes).WithMessage(i => $"Minutes for item {i.Row} must be between 1 and {AgendaItem.MaxMinutes}");
            });
            item.RuleFor(i => i.MinutesAllotted).Bound("Minutes allotted must be a whole number, like 15");
            item.RuleFor(i => i.Order).Bound("Order must be a whole number, like 2");
            item.RuleFor(i => i.Purpose).Bound("Choose whether the item is for information, discussion or decision");
        });
    }
}
