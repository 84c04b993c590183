using CopPortal.Domain.Meetings;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Forms.Validators;
using FluentValidation;

namespace CopPortal.Web.Pages.Communities.Meetings;

/// <summary>
/// The meeting form's rules: a title, a real date, times that parse with the end after the start, https links only,
/// a venue when people meet in person, no new meeting in the past unless recording one already held, and a sensible
/// repeat pattern. An edit (<see cref="MeetingInput.Editing"/>) has no repeat and may not record a past meeting.
/// </summary>
public sealed class MeetingInputValidator : FormValidator<MeetingInput>
{
    public MeetingInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.Title).Required("Enter a title").MaxChars(Meeting.TitleMaxLength, "The title").SingleLine("The title");
        RuleFor(x => x.SessionType).IsInEnum().WithMessage("Select the kind of session");
        RuleFor(x => x.Mode).IsInEnum().WithMessage("Select how the meeting is held");
        RuleFor(x => x.Date).Must(d => !d.IsEmpty).WithMessage("Enter the date of the meeting")
            .DependentRules(() => RuleFor(x => x.Date).RealDate("The date of the meeting"));
        RuleFor(x => x.StartTime).Must(t => MeetingInput.ParseTime(t) is not null).WithMessage("Enter the start time, like 14:00");
        RuleFor(x => x.EndTime).Must(t => MeetingInput.ParseTime(t) is not null).WithMessage("Enter the end time, like 16:00")
            .DependentRules(() => RuleFor(x => x.EndTime)
                .Must((x, _) => x.StartsAt is not DateTimeOffset s || x.EndsAt is not DateTimeOffset e || e > s)
                .WithMessage("The end time must be after the start time"));
        RuleFor(x => x.JoinUrl).MaxChars(Meeting.UrlMaxLength, "The joining link")
            .Must(BeHttps).WithMessage("Enter the joining link as a full web address starting with https://");
        RuleFor(x => x.Venue).MaxChars(500, "The venue")
            .Must((x, venue) => x.Mode == MeetingMode.Online || !string.IsNullOrWhiteSpace(venue))
            .WithMessage("Enter the venue of a meeting held in person");
        RuleFor(x => x.AccessNotes).MaxChars(Meeting.TextMaxLength, "The access notes");
        RuleFor(x => x.Presenters).MaxChars(500, "The presenters");
        RuleFor(x => x.ContentWarning).MaxChars(1000, "The content warning");
        RuleFor(x => x.TopicSeries).MaxChars(200, "The topic series").SingleLine("The topic series");
        RuleFor(x => x.Description).MaxChars(Meeting.TextMaxLength, "The description");

        When(x => !x.Editing, () =>
        {
            RuleFor(x => x.StartTime)
                .Must((x, _) => x.AlreadyHeld || x.StartsAt is not DateTimeOffset s || s > clock.GetUtcNow())
                .WithMessage("The meeting must start in the future. To record a meeting already held, tick the box below");
            RuleFor(x => x.Repeat).Must(r => r is MeetingInput.RepeatOnce or MeetingInput.RepeatTerms or MeetingInput.RepeatWeeks or MeetingInput.RepeatMonths or MeetingInput.RepeatWeekOfMonth)
                .WithMessage("Select whether the meeting repeats");
            RuleFor(x => x.AlreadyHeld).Must((x, held) => !held || x.Repeat == MeetingInput.RepeatOnce)
                .WithMessage("A meeting already held cannot repeat. Record each one on its own");
            RuleFor(x => x.IntervalWeeks).Must(n => n is >= 1 and <= 52).When(x => x.Repeat == MeetingInput.RepeatWeeks)
                .WithMessage("Enter how many weeks apart, from 1 to 52");
            RuleFor(x => x.IntervalMonths).Must(n => n is >= 1 and <= 12).When(x => x.Repeat is MeetingInput.RepeatMonths or MeetingInput.RepeatWeekOfMonth)
                .WithMessage("Enter how many months apart, from 1 to 12");
            RuleFor(x => x.Nth).Must(n => n is -1 or (>= 1 and <= 4)).When(x => x.Repeat == MeetingInput.RepeatMonths)
                .WithMessage("Select which weekday of the month");
            RuleFor(x => x.Week).Must(n => n is >= 1 and <= 4).When(x => x.Repeat == MeetingInput.RepeatWeekOfMonth)
                .WithMessage("Select which full week of the month");
        });

        When(x => x.Editing, () =>
        {
            RuleFor(x => x.Scope).Must(s => s is MeetingInput.ScopeOne or MeetingInput.ScopeFuture).WithMessage("Select which meetings to change");
            RuleFor(x => x.StartTime)
                .Must((x, _) => x.StartsAt is not DateTimeOffset s || s > clock.GetUtcNow())
                .WithMessage("The meeting must start in the future");
        });
    }

    private static bool BeHttps(string? url) =>
        string.IsNullOrWhiteSpace(url)
        || (Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host));
}
