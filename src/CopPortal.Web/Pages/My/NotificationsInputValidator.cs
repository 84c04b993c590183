using CopPortal.Domain.Messaging;
using CopPortal.Web.Infrastructure.Forms.Validators;
using FluentValidation;

namespace CopPortal.Web.Pages.My;

/// <summary>A choice for every topic, and only the choices that topic offers (no daily summary for invitations).</summary>
public sealed class NotificationsInputValidator : FormValidator<NotificationsModel.InputModel>
{
    public NotificationsInputValidator()
    {
        Topic(x => x.JoinDecisions, EmailTopic.JoinDecisions);
        Topic(x => x.MeetingInvitations, EmailTopic.MeetingInvitations);
        Topic(x => x.MinutesAndAgendas, EmailTopic.MinutesAndAgendas);
        Topic(x => x.ForumReplies, EmailTopic.ForumReplies);
        Topic(x => x.Actions, EmailTopic.Actions);
        Topic(x => x.Escalations, EmailTopic.Escalations);
    }

    private void Topic(System.Linq.Expressions.Expression<Func<NotificationsModel.InputModel, string?>> field, EmailTopic topic)
    {
        var label = EmailTopics.Label(topic);
        RuleFor(field)
            .Must(value => Parse(value) is not null)
            .WithMessage($"Select how you want to get emails about {label}")
            .Must(value => EmailTopics.Choices(topic).Contains(Parse(value)!.Value))
            .WithMessage($"Emails about {label} cannot wait for a daily summary: select straight away or off");
    }

    /// <summary>The choice an option's value names; null for an empty or made-up value (numbers are refused).</summary>
    public static EmailDelivery? Parse(string? value) =>
        !string.IsNullOrEmpty(value) && !int.TryParse(value, out _) && Enum.TryParse<EmailDelivery>(value, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : null;
}
