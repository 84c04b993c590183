namespace CopPortal.Domain.Messaging;

/// <summary>
/// What /my/notifications says about each topic, and which choices it offers. One place, so the settings page,
/// the unsubscribe page and the daily summary use the same words.
/// </summary>
public static class EmailTopics
{
    /// <summary>Every topic, in the order the settings page lists them.</summary>
    public static IReadOnlyList<EmailTopic> All { get; } =
    [
        EmailTopic.JoinDecisions,
        EmailTopic.MeetingInvitations,
        EmailTopic.MinutesAndAgendas,
        EmailTopic.ForumReplies,
        EmailTopic.Actions,
        EmailTopic.Escalations,
    ];

    /// <summary>The topic's name in a sentence: "emails about {Label}".</summary>
    public static string Label(EmailTopic topic) => topic switch
    {
        EmailTopic.JoinDecisions => "your requests to join communities",
        EmailTopic.MeetingInvitations => "meeting invitations",
        EmailTopic.MinutesAndAgendas => "agendas and minutes",
        EmailTopic.ForumReplies => "forum replies",
        EmailTopic.Actions => "actions",
        EmailTopic.Escalations => "Triple-A escalations",
        _ => throw new ArgumentOutOfRangeException(nameof(topic)),
    };

    /// <summary>The topic as a heading (the settings page's legends, the summary's sections).</summary>
    public static string Heading(EmailTopic topic) => topic switch
    {
        EmailTopic.JoinDecisions => "Your requests to join communities",
        EmailTopic.MeetingInvitations => "Meeting invitations",
        EmailTopic.MinutesAndAgendas => "Agendas and minutes",
        EmailTopic.ForumReplies => "Forum replies",
        EmailTopic.Actions => "Actions",
        EmailTopic.Escalations => "Triple-A escalations",
        _ => throw new ArgumentOutOfRangeException(nameof(topic)),
    };

    /// <summary>What the topic covers, shown as the hint under its legend.</summary>
    public static string Description(EmailTopic topic) => topic switch
    {
        EmailTopic.JoinDecisions => "When we receive your request, decide it, put you on a waiting list, offer you a place or ask you a question. Your home page always shows where your requests are.",
        EmailTopic.MeetingInvitations => "Invitations to your communities' meetings, with a calendar entry, and changes or cancellations. These cannot wait for a daily summary.",
        EmailTopic.MinutesAndAgendas => "When an agenda or the minutes of a meeting you were invited to are published.",
        EmailTopic.ForumReplies => "New posts in forum threads and forums you watch. You watch the threads you start.",
        EmailTopic.Actions => "Actions given to you at meetings, and updates on them.",
        EmailTopic.Escalations => "Issues raised to the Workforce Council through Triple-A reports, and the council's responses.",
        _ => throw new ArgumentOutOfRangeException(nameof(topic)),
    };

    /// <summary>
    /// Whether the topic may wait for the daily summary. Meeting invitations carry a calendar entry for the person's
    /// calendar to act on, so they go straight away or not at all.
    /// </summary>
    public static bool AllowsDigest(EmailTopic topic) => topic != EmailTopic.MeetingInvitations;

    /// <summary>The choices the settings page offers for a topic.</summary>
    public static IReadOnlyList<EmailDelivery> Choices(EmailTopic topic) =>
        AllowsDigest(topic) ? [EmailDelivery.Immediately, EmailDelivery.DailyDigest, EmailDelivery.Off] : [EmailDelivery.Immediately, EmailDelivery.Off];

    public static string ChoiceLabel(EmailDelivery delivery) => delivery switch
    {
        EmailDelivery.Immediately => "Straight away",
        EmailDelivery.DailyDigest => "In one daily summary email",
        EmailDelivery.Off => "Off",
        _ => throw new ArgumentOutOfRangeException(nameof(delivery)),
    };

    /// <summary>
    /// What happens to one message given the person's choice: a message with a calendar part is never held for
    /// the summary (the calendar entry must arrive to be useful), so a summary choice sends it straight away.
    /// </summary>
    public static EmailDelivery Apply(EmailDelivery chosen, bool hasCalendar) =>
        chosen == EmailDelivery.DailyDigest && hasCalendar ? EmailDelivery.Immediately : chosen;
}
