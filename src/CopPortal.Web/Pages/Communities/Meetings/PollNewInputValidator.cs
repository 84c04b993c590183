using CopPortal.Domain.Meetings;
using CopPortal.Domain.Meetings.Polls;
using CopPortal.Domain.Time;
using CopPortal.Web.Infrastructure.Forms;
using CopPortal.Web.Infrastructure.Forms.Validators;
using FluentValidation;

namespace CopPortal.Web.Pages.Communities.Meetings;

/// <summary>
/// A poll's details and options. The page passes today's London date as the form context, so "in the past" is
/// judged by the injected clock.
/// </summary>
public sealed class PollNewInputValidator : FormValidator<PollNewModel.InputModel>
{
    public PollNewInputValidator()
    {
        RuleFor(x => x.Title).Required("Enter a title for the meeting").MaxChars(Meeting.TitleMaxLength, "Title").SingleLine("Title");
        RuleFor(x => x.Description).MaxChars(Meeting.TextMaxLength, "Description");
        RuleFor(x => x.Mode).Bound("Select how the meeting will be held").NotNull().WithMessage("Select how the meeting will be held");
        RuleFor(x => x.JoinUrl).MaxChars(Meeting.UrlMaxLength, "Joining link")
            .Must(url => string.IsNullOrWhiteSpace(url) || (Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host)))
            .WithMessage("Enter a joining link that starts with https://");
        RuleFor(x => x.Venue).MaxChars(500, "Venue");
        RuleFor(x => x.DurationMinutes).Bound("Enter the length of the meeting in minutes, like 90")
            .NotNull().WithMessage("Enter the length of the meeting in minutes, like 90")
            .InclusiveBetween(15, 480).WithMessage("The length of the meeting must be between 15 and 480 minutes");

        RuleForEach(x => x.Options).ChildRules(option =>
        {
            option.RuleFor(o => o.Date).Must((o, d) => o.IsEmpty || !d.IsEmpty).WithMessage("Enter the date of this option")
                .RealDate("The date of this option")
                .Must((_, d, context) => d.Value is not DateOnly day || day > context.FormContext<DateOnly>()).WithMessage("The date of this option must be in the future");
            option.RuleFor(o => o.Time).Must((o, t) => o.IsEmpty || !string.IsNullOrWhiteSpace(t)).WithMessage("Enter the start time of this option, like 14:00")
                .Must((o, t) => string.IsNullOrWhiteSpace(t) || PollNewModel.ParseTime(t) is not null).WithMessage("Enter the start time as hours and minutes, like 14:00 or 2:30pm");
        });

        RuleFor(x => x.Options).Must(o => o.Count(x => !x.IsEmpty) >= Poll.MinOptions)
            .WithMessage($"Enter at least {Poll.MinOptions} dates and times to choose from")
            .Must(o => o.Count(x => !x.IsEmpty) <= Poll.MaxOptions)
            .WithMessage($"Enter no more than {Poll.MaxOptions} dates and times")
            .Must(o => o.Where(x => x.StartsAt is not null).GroupBy(x => x.StartsAt).All(g => g.Count() == 1))
            .WithMessage("Each date and time must be different");

        RuleFor(x => x.ClosesOn).Must(d => !d.IsEmpty).WithMessage("Enter the date the poll closes")
            .RealDate("The closing date")
            .Must((_, d, context) => d.Value is not DateOnly day || day >= context.FormContext<DateOnly>()).WithMessage("The closing date must be today or in the future")
            .Must((x, d) => d.Value is not DateOnly day || x.Options.Where(o => o.Date.Value is not null).All(o => o.Date.Value > day))
            .WithMessage("The poll must close before the first date you propose");
    }
}
