using CopPortal.Domain.Communities;
using Microsoft.AspNetCore.Mvc.ModelBinding;

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

    public void Validate(ModelStateDictionary state, string prefix = "Input")
    {
        ArgumentNullException.ThrowIfNull(state);
        Required(state, prefix, nameof(WhoFor), WhoFor, "Enter who the community is for");
        Required(state, prefix, nameof(Purpose), Purpose, "Enter the community's purpose");
        Required(state, prefix, nameof(Aims), Aims, "Enter the community's aims");
        var frequencyKey = $"{prefix}.{nameof(MeetingFrequencyMonths)}";
        if (!state.ReplaceBindingError(frequencyKey, "Months between meetings must be a whole number, like 3"))
        {
            if (MeetingFrequencyMonths is null)
            {
                state.AddModelError(frequencyKey, "Enter how many months there are between meetings");
            }
            else if (MeetingFrequencyMonths is < 1 or > 12)
            {
                state.AddModelError(frequencyKey, "Months between meetings must be between 1 and 12");
            }
        }
        var durationKey = $"{prefix}.{nameof(MeetingDurationMinutes)}";
        if (!state.ReplaceBindingError(durationKey, "Meeting length must be a whole number of minutes, like 90"))
        {
            if (MeetingDurationMinutes is null)
            {
                state.AddModelError(durationKey, "Enter how long meetings last, in minutes");
            }
            else if (MeetingDurationMinutes is < 15 or > 480)
            {
                state.AddModelError(durationKey, "Meeting length must be between 15 and 480 minutes");
            }
        }
        TooLong(state, prefix, nameof(MeetingNote), MeetingNote);
        Required(state, prefix, nameof(ChairingArrangements), ChairingArrangements, "Enter how the community is chaired");
        Required(state, prefix, nameof(NoteTakingArrangements), NoteTakingArrangements, "Enter who takes notes");
        Required(state, prefix, nameof(ParticipationExpectations), ParticipationExpectations, "Enter how members are expected to take part");
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
    public static string Clean(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    private static void Required(ModelStateDictionary state, string prefix, string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            state.AddModelError($"{prefix}.{field}", message);
        }
        else
        {
            TooLong(state, prefix, field, value);
        }
    }

    private static void TooLong(ModelStateDictionary state, string prefix, string field, string? value)
    {
        if (value is not null && Clean(value).Length > TextMaxLength)
        {
            state.AddModelError($"{prefix}.{field}", $"Must be {TextMaxLength} characters or fewer");
        }
    }
}
