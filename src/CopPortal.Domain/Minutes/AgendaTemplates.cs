namespace CopPortal.Domain.Minutes;

/// <summary>
/// The network's agenda templates, inserted once as reference data: a formal agenda (the information pack's
/// meeting admin), a "running order" for informal sessions (the city guide's alternative to an agenda), and a
/// reflective-practice session (the facilitation masterclass's session type).
/// </summary>
public static class AgendaTemplates
{
    public const string Formal = "Formal agenda";
    public const string RunningOrder = "Running order";
    public const string ReflectivePractice = "Reflective-practice session";

    public static IEnumerable<AgendaTemplate> All()
    {
        yield return Template(1, Formal, "For business meetings: apologies, the last minutes, actions, items for information, discussion and decision.",
            ("Welcome, introductions and apologies", null, 5, AgendaPurpose.Information, false),
            ("Minutes of the last meeting", "Agree the minutes of the last meeting as a true record.", 5, AgendaPurpose.Decision, false),
            (MinutesService.MattersArisingTitle, "Progress on open actions from earlier meetings.", 10, AgendaPurpose.Discussion, true),
            ("Updates from the network and the Workforce Council", null, 15, AgendaPurpose.Information, false),
            ("Main item", "Describe the item and what the meeting is asked to do.", 40, AgendaPurpose.Discussion, false),
            ("Items for escalation or commendation (Triple A)", "Agree anything to advise, assure or alert the Workforce Council about.", 10, AgendaPurpose.Decision, false),
            ("Any other business and date of the next meeting", null, 5, AgendaPurpose.Information, false));
        yield return Template(2, RunningOrder, "For informal sessions: a running order of what happens when, rather than business items.",
            ("Arrival and welcome", "Ground rules and how we will work today.", 10, AgendaPurpose.Information, false),
            ("Actions from last time", "Quick round of what has moved since we last met.", 10, AgendaPurpose.Discussion, true),
            ("Presentation or lived-experience story", "Who is presenting and what about.", 30, AgendaPurpose.Information, false),
            ("Small-group conversations", null, 30, AgendaPurpose.Discussion, false),
            ("What we take away", "Each group shares one thing to try and one thing to raise.", 15, AgendaPurpose.Discussion, false),
            ("Close", null, 5, AgendaPurpose.Information, false));
        yield return Template(3, ReflectivePractice, "A facilitated reflective-practice session: check-in, one case or theme, reflection, check-out.",
            ("Check-in", "Confidentiality and ground rules; how everyone is arriving.", 10, AgendaPurpose.Information, false),
            ("Presentation of a case or theme", "Anonymised: no details that could identify a person.", 15, AgendaPurpose.Information, false),
            ("Reflective discussion", "Questions, reflections and different perspectives; no problem-solving for the presenter.", 35, AgendaPurpose.Discussion, false),
            ("Learning and themes for the network", "Anything to share more widely, without identifying details.", 15, AgendaPurpose.Discussion, false),
            ("Check-out", null, 5, AgendaPurpose.Information, false));
    }

    private static AgendaTemplate Template(int order, string name, string description, params (string Title, string? Description, int Minutes, AgendaPurpose Purpose, bool MattersArising)[] items) => new()
    {
        Name = name,
        Description = description,
        SortOrder = order,
        Items = items.Select((item, i) => new AgendaTemplateItem
        {
            Position = i + 1,
            Title = item.Title,
            Description = item.Description,
            MinutesAllotted = item.Minutes,
            Purpose = item.Purpose,
            IsMattersArising = item.MattersArising,
        }).ToList(),
    };
}
