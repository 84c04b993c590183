using CopPortal.Domain.Communities;

namespace CopPortal.Web.Infrastructure.Communities;

/// <summary>The structured ToR text and cadence fields, shared by the ToR edit form and the template form.</summary>
public class TermsInput
{
    public const int TextMaxLength = 4000;

    public string? WhoFor { get; set; }
    public string? Purpose { get; set; }
    public string? Aims { get; set; }
    public int? MeetingFrequencyMonths { get; set; }
    public int? MeetingDurationMinutes { get; set; }
    public string? MeetingNote { get; set; }
    public string? ChairingArrangements { get; set; }
    public string? NoteTakingArrangements { get; set; }
    public string? ParticipationExpectations { get; set; }

    public static TermsInput From(TermsContent content) => From<TermsInput>(content);

    /// <summary>Fills a form (this class or one that extends it) from a ToR version or the template.</summary>
    public static T From<T>(TermsContent content)
        where T : TermsInput, new()
    {
        ArgumentNullException.ThrowIfNull(content);
        return new T
        {
            WhoFor = content.WhoFor,
            Purpose = content.Purpose,
            Aims = content.Aims,
            MeetingFrequencyMonths = content.MeetingFrequencyMonths,
            MeetingDurationMinutes = content.MeetingDurationMinutes,
            MeetingNote = content.MeetingNote,
            ChairingArrangements = content.ChairingArrangements,
            NoteTakingArrangements = content.NoteTakingArrangements,
            ParticipationExpectations = content.ParticipationExpectations,
        };
    }

    /// <summary>Copies the text and cadence onto content, leaving its eligibility untouched.</summary>
    public void ApplyTo(TermsContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        content.WhoFor = Clean(WhoFor);
        content.Purpose = Clean(Purpose);
        content.Aims = Clean(Aims);
        content.MeetingFrequencyMonths = MeetingFrequencyMonths ?? content.MeetingFrequencyMonths;
        content.MeetingDurationMinutes = MeetingDurationMinutes ?? content.MeetingDurationMinutes;
        content.MeetingNote = string.IsNullOrWhiteSpace(MeetingNote) ? null : Clean(MeetingNote);
        content.ChairingArrangements = Clean(ChairingArrangements);
        content.NoteTakingArrangements = Clean(NoteTakingArrangements);
        content.ParticipationExpectations = Clean(ParticipationExpectations);
    }

    /// <summary>Trims, and normalises Windows line endings from browsers so versions compare equal.</summary>
    public static string Clean(string? text) => CopPortal.Web.Infrastructure.Forms.Validators.FieldRules.Clean(text);
}
