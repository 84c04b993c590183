using CopPortal.Domain.Actions;
using CopPortal.Domain.Minutes;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Forms.Validators;
using FluentValidation;

namespace CopPortal.Web.Pages.Communities.Meetings;

/// <summary>The draft minutes form: the header's chair, each item's key points and decisions, and other notes.</summary>
public sealed class MinutesDraftInput
{
    /// <summary>The concurrency stamp of the draft the form was opened on.</summary>
    public Guid Stamp { get; set; }
    public string? ChairedBy { get; set; }
    public string? OtherNotes { get; set; }
    public List<MinutesItemInput> Items { get; set; } = [];
}

public sealed class MinutesItemInput
{
    public int Id { get; set; }
    public string? KeyPoints { get; set; }
    public string? Decisions { get; set; }
}

public sealed class MinutesDraftInputValidator : FormValidator<MinutesDraftInput>
{
    public MinutesDraftInputValidator()
    {
        RuleFor(x => x.ChairedBy).MaxChars(200, "Chaired by").SingleLine("Chaired by");
        RuleFor(x => x.OtherNotes).MaxChars(MeetingMinutes.TextMaxLength, "Other notes");
        RuleForEach(x => x.Items).ChildRules(item =>
        {
            item.RuleFor(i => i.KeyPoints).MaxChars(MeetingMinutes.TextMaxLength, "Key points");
            item.RuleFor(i => i.Decisions).MaxChars(MeetingMinutes.TextMaxLength, "Decisions");
        });
    }
}

/// <summary>An action agreed at the meeting: what, who (a member, or a named person outside the portal), by when.</summary>
public sealed class MinutesActionInput
{
    public string? Description { get; set; }
    public string? OwnerUserId { get; set; }
    public string? OwnerName { get; set; }
    public DateInput DueOn { get; set; } = new();
}

public sealed class MinutesActionInputValidator : FormValidator<MinutesActionInput>
{
    public MinutesActionInputValidator()
    {
        RuleFor(x => x.Description).Required("Enter what the action is").MaxChars(CommunityAction.DescriptionMaxLength, "The action");
        RuleFor(x => x.OwnerUserId)
            .Must((input, member) => !string.IsNullOrWhiteSpace(member) || !string.IsNullOrWhiteSpace(input.OwnerName))
            .WithMessage("Choose the member who owns the action, or enter the name of the person who does");
        RuleFor(x => x.OwnerName).MaxChars(200, "The owner's name").SingleLine("The owner's name");
        RuleFor(x => x.DueOn)
            .RealDate("The due date")
            .Must(date => !date.IsEmpty).WithMessage("Enter the date the action is due");
    }
}
