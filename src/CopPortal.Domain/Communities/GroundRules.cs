namespace CopPortal.Domain.Communities;

/// <summary>
/// The network's ground rules (a single row), which people agree to when they ask to join a community. Staff edit
/// them; the public /ground-rules page shows them. Changes are audited like any other saved entity.
/// </summary>
public class GroundRules
{
    public const int MaxLength = 10_000;

    public int Id { get; set; }

    /// <summary>Plain text: paragraphs separated by a blank line; lines starting "- " are a bulleted list.</summary>
    public string Text { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedById { get; set; }

    /// <summary>What a new network starts with, until its team edits it.</summary>
    public const string DefaultText =
        """
        Our communities of practice are places to learn from each other, solve problems together and improve care. Everyone who takes part, in meetings, by email or in the portal, agrees to these ground rules.

        - Be respectful and kind. Listen, let others finish, and challenge ideas rather than people.
        - Keep confidences. Do not share anything that could identify a patient, service user or colleague. What others share in a meeting stays in the meeting unless they agree otherwise.
        - Speak for yourself. Say when a view is your own rather than your employer's.
        - Follow your professional code of conduct and the values of the NHS Constitution.
        - Declare any interest that could affect what you say. Do not use the community to advertise or sell.
        - Take part when you can, and send apologies when you cannot attend a meeting.
        - Respect people's time and different ways of working: keep to the agenda and use plain language.

        If something worries you, speak to your community's chair or to the network team. We may remove someone from a community if they break these rules, after talking with them first.
        """;
}
