using CopPortal.Domain.Minutes;
using CopPortal.Web.Infrastructure.Forms.Validators;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CopPortal.Web.Pages.Communities.Meetings;

/// <summary>One agenda item as typed into the add and edit forms.</summary>
public sealed class AgendaItemInput
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Lead { get; set; }
    public int? MinutesAllotted { get; set; }
    public AgendaPurpose? Purpose { get; set; }

    public static AgendaItemInput From(AgendaItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new() { Title = item.Title, Description = item.Description, Lead = item.Lead, MinutesAllotted = item.MinutesAllotted, Purpose = item.Purpose };
    }

    public void ApplyTo(AgendaItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        item.Title = FieldRules.Clean(Title);
        item.Description = Optional(Description);
        item.Lead = Optional(Lead);
        item.MinutesAllotted = MinutesAllotted;
        item.Purpose = Purpose ?? AgendaPurpose.Discussion;
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : FieldRules.Clean(text);

    public static IReadOnlyList<SelectListItem> PurposeChoices { get; } =
    [
        new(AgendaText.Purpose(AgendaPurpose.Information), nameof(AgendaPurpose.Information)),
        new(AgendaText.Purpose(AgendaPurpose.Discussion), nameof(AgendaPurpose.Discussion)),
        new(AgendaText.Purpose(AgendaPurpose.Decision), nameof(AgendaPurpose.Decision)),
    ];
}

public sealed class AgendaItemInputValidator : FormValidator<AgendaItemInput>
{
    public AgendaItemInputValidator()
    {
        RuleFor(x => x.Title).Required("Enter the item's title").MaxChars(AgendaItem.TitleMaxLength, "Title").SingleLine("Title");
        RuleFor(x => x.Description).MaxChars(AgendaItem.DescriptionMaxLength, "Description");
        RuleFor(x => x.Lead).MaxChars(AgendaItem.LeadMaxLength, "Lead or presenter").SingleLine("Lead or presenter");
        RuleFor(x => x.MinutesAllotted)
            .Bound("Minutes allotted must be a whole number, like 15")
            .InclusiveBetween(1, AgendaItem.MaxMinutes).WithMessage($"Minutes allotted must be between 1 and {AgendaItem.MaxMinutes}");
        RuleFor(x => x.Purpose).Bound("Choose whether the item is for information, discussion or decision")
            .NotNull().WithMessage("Choose whether the item is for information, discussion or decision");
    }
}

/// <summary>Words shown for agenda and minutes values.</summary>
public static class AgendaText
{
    public static string Purpose(AgendaPurpose purpose) => purpose switch
    {
        AgendaPurpose.Information => "For information",
        AgendaPurpose.Discussion => "For discussion",
        AgendaPurpose.Decision => "For decision",
        _ => purpose.ToString(),
    };

    public static string Status(MinutesStatus status) => status switch
    {
        MinutesStatus.Draft => "Draft",
        MinutesStatus.Submitted => "Waiting for the chair's approval",
        MinutesStatus.Returned => "Returned with comments",
        MinutesStatus.Approved => "Approved, not yet published",
        MinutesStatus.Published => "Published",
        _ => status.ToString(),
    };

    public static string TagColour(MinutesStatus status) => status switch
    {
        MinutesStatus.Draft => "nhsuk-tag--grey",
        MinutesStatus.Submitted => "nhsuk-tag--blue",
        MinutesStatus.Returned => "nhsuk-tag--orange",
        MinutesStatus.Approved => "nhsuk-tag--aqua-green",
        MinutesStatus.Published => "nhsuk-tag--green",
        _ => "",
    };

    public static string Mode(CopPortal.Domain.Meetings.Meeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var how = meeting.Mode switch
        {
            CopPortal.Domain.Meetings.MeetingMode.Online => "Online",
            CopPortal.Domain.Meetings.MeetingMode.InPerson => "Face to face",
            CopPortal.Domain.Meetings.MeetingMode.Hybrid => "Hybrid (face to face and online)",
            _ => meeting.Mode.ToString(),
        };
        return string.IsNullOrWhiteSpace(meeting.Venue) ? how : $"{how}, {meeting.Venue}";
    }

    public static string Duration(int minutes) =>
        minutes < 60 ? $"{minutes} minutes" : minutes % 60 == 0 ? $"{minutes / 60} hour{(minutes == 60 ? "" : "s")}" : $"{minutes / 60} h {minutes % 60} min";
}
