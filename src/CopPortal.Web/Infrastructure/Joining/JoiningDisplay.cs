using System.Text.Encodings.Web;
using CopPortal.Domain.Joining;
using CopPortal.Domain.People;
using Microsoft.AspNetCore.Html;

namespace CopPortal.Web.Infrastructure.Joining;

/// <summary>Labels and NHS.UK tags for join requests, and the plain-English "who can join" lines.</summary>
public static class JoiningDisplay
{
    public static string StatusLabel(JoinRequestStatus status) => status switch
    {
        JoinRequestStatus.Pending => "Pending",
        JoinRequestStatus.InformationRequested => "Information requested",
        JoinRequestStatus.Approved => "Approved",
        JoinRequestStatus.Declined => "Declined",
        JoinRequestStatus.Withdrawn => "Withdrawn",
        JoinRequestStatus.WaitingList => "Waiting list",
        _ => status.ToString(),
    };

    public static IHtmlContent StatusTag(JoinRequestStatus status) => Tag(StatusLabel(status), status switch
    {
        JoinRequestStatus.Pending => "blue",
        JoinRequestStatus.InformationRequested => "orange",
        JoinRequestStatus.Approved => "green",
        JoinRequestStatus.Declined => "red",
        JoinRequestStatus.WaitingList => "purple",
        _ => "grey",
    });

    public static string OutcomeLabel(PrecheckOutcome outcome) => outcome switch
    {
        PrecheckOutcome.Met => "Met",
        PrecheckOutcome.NeedsJudgement => "Needs judgement",
        PrecheckOutcome.NotMet => "Not met",
        _ => outcome.ToString(),
    };

    public static IHtmlContent OutcomeTag(PrecheckOutcome outcome) => Tag(OutcomeLabel(outcome), outcome switch
    {
        PrecheckOutcome.Met => "green",
        PrecheckOutcome.NeedsJudgement => "yellow",
        _ => "red",
    });

    /// <summary>Query-string values for the queue filters.</summary>
    public static string OutcomeKey(PrecheckOutcome outcome) => outcome switch
    {
        PrecheckOutcome.Met => "met",
        PrecheckOutcome.NeedsJudgement => "needs-judgement",
        _ => "not-met",
    };

    public static string StatusKey(JoinRequestStatus status) => status switch
    {
        JoinRequestStatus.InformationRequested => "information-requested",
        JoinRequestStatus.WaitingList => "waiting-list",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static HtmlString Tag(string text, string colour) =>
        new($"<strong class=\"nhsuk-tag nhsuk-tag--{colour}\">{HtmlEncoder.Default.Encode(text)}</strong>");
}
