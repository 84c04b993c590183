using System.Net;
using System.Text.RegularExpressions;
using CopPortal.Domain.Data;
using CopPortal.Domain.Escalations;
using CopPortal.Domain.Links;
using CopPortal.Domain.Messaging;
using CopPortal.Web.Infrastructure.Database;
using CopPortal.Web.Infrastructure.Email;
using CopPortal.Web.Tests.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopPortal.Web.Tests.Security;

/// <summary>
/// Every workspace email with a link, triggered through requests that carry a forged Host and X-Forwarded-Host
/// (or by the job that sends it): every link in its text and HTML parts, its List-Unsubscribe header and its
/// calendar part is on the configured PublicBaseUrl. So is every link in a downloaded .ics file.
/// </summary>
public sealed partial class WorkspaceAttackHostTests(WorkspaceAttackHostTests.Portal portal) : IClassFixture<WorkspaceAttackHostTests.Portal>
{
    private const string PublicBaseUrl = "https://cops.example.nhs.uk";
    private const string Forged = "evil.example";
    private const string JoinUrl = "https://teams.example.com/l/meetup-join/forged-host";
    private const string Slug = DemoData.PractitionersSlug;

    /// <summary>A portal whose public address differs from the test server's own (localhost), so a link built from the request shows.</summary>
    public sealed class Portal : IDisposable
    {
        public PortalFactory Factory { get; } = new();

        public Portal() => Factory.Settings["PublicBaseUrl"] = PublicBaseUrl;

        public void Dispose() => Factory.Dispose();
    }

    private PortalFactory P => portal.Factory;

    private async Task<HttpClient> ForgedClientAsync(string email)
    {
        var client = P.CreateBrowserClient();
        client.DefaultRequestHeaders.Host = Forged;
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", Forged);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "http");
        await client.AsAsync(email);
        return client;
    }

    [Fact]
    public async Task Sign_in_and_access_denied_redirects_never_name_the_host_the_request_gave()
    {
        var visitor = P.CreateBrowserClient();
        visitor.DefaultRequestHeaders.Host = Forged;
        var challenge = await visitor.GetAsync($"/communities/{Slug}/meetings");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.StartsWith(PortalPaths.SignIn + "?ReturnUrl=", challenge.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var member = await ForgedClientAsync(DemoData.MemberEmail);
        var denied = await member.GetAsync("/staff/join-requests");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith(PortalPaths.AccessDenied + "?ReturnUrl=", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain(Forged, challenge.Headers.Location.OriginalString + denied.Headers.Location.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_workspace_email_links_only_to_the_configured_address_whatever_host_the_request_named()
    {
        var before = (await P.OutboxAsync()).Select(m => m.Id).ToHashSet();
        var secretary = await ForgedClientAsync(DemoData.SecretaryEmail);
        var chair = await ForgedClientAsync(DemoData.ChairEmail);
        var member = await ForgedClientAsync(DemoData.MemberEmail);
        var council = await ForgedClientAsync(DemoData.CouncilEmail);

        // Meeting invitation (with its calendar part and RSVP links).
        Assert.Equal(HttpStatusCode.Redirect, (await secretary.SubmitFormAsync(PortalPaths.MeetingCreate(Slug), Html.Form(
            ("Input.Title", "Forged host meeting"), ("Input.SessionType", "Regular"),
            ("Input.Date.Day", "12"), ("Input.Date.Month", "1"), ("Input.Date.Year", "2027"),
            ("Input.StartTime", "14:00"), ("Input.EndTime", "16:00"), ("Input.Mode", "Online"),
            ("Input.JoinUrl", JoinUrl), ("Input.Repeat", "once")))).StatusCode);

        // Poll opened.
        var poll = Html.Form(("Input.Title", "Forged host poll"), ("Input.Mode", "Online"), ("Input.JoinUrl", JoinUrl),
            ("Input.DurationMinutes", "60"), ("Input.ClosesOn.Day", "30"), ("Input.ClosesOn.Month", "11"), ("Input.ClosesOn.Year", "2026"));
        foreach (var (i, day) in new[] { (0, "3"), (1, "4") })
        {
            poll[$"Input.Options[{i}].Date.Day"] = day;
            poll[$"Input.Options[{i}].Date.Month"] = "12";
            poll[$"Input.Options[{i}].Date.Year"] = "2026";
            poll[$"Input.Options[{i}].Time"] = "14:00";
        }
        Assert.Equal(HttpStatusCode.Redirect, (await secretary.SubmitFormAsync(PortalPaths.NewMeetingPoll(Slug), poll)).StatusCode);

        // Agenda published, then minutes submitted, approved and published.
        var held = await CopPortal.Web.Tests.Minutes.MinutesTestData.MeetingAsync(P, CopPortal.Web.Tests.Minutes.MinutesTestData.HeldAt, title: "Forged host minutes");
        var templateId = await P.WithDbAsync(db => db.AgendaTemplates.Select(t => t.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await secretary.SubmitFormAsync(PortalPaths.MeetingAgenda(Slug, held), Html.Form(("TemplateId", Workspace.Id(templateId))), Handler("Start"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await secretary.SubmitFormAsync(PortalPaths.MeetingAgenda(Slug, held), [], Handler("Publish"))).StatusCode);
        var minutes = PortalPaths.MeetingMinutes(Slug, held);
        Assert.Equal(HttpStatusCode.Redirect, (await secretary.SubmitFormAsync(minutes, [], Handler("Start"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await CopPortal.Web.Tests.Minutes.MinutesTestData.PressAsync(secretary, minutes, "#draft-form", "Submit", ("Draft.ChairedBy", "Cathy Chair"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await chair.SubmitFormAsync(minutes, [], Handler("Approve"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await secretary.SubmitFormAsync(minutes, [], Handler("Publish"))).StatusCode);

        // A forum reply to a thread the chair started (and so watches); the secretary takes forum replies as a daily summary.
        var secretaryId = await CopPortal.Web.Tests.Meetings.ParticipationTestData.UserIdAsync(P, DemoData.SecretaryEmail);
        await P.ChooseAsync(secretaryId, EmailTopic.ForumReplies, EmailDelivery.DailyDigest);
        Assert.Equal(HttpStatusCode.Redirect, (await chair.SubmitFormAsync(PortalPaths.NewForumThread(Slug), Html.Form(("Input.Title", "Forged host thread"), ("Input.Body", "Anyone?"), ("Input.AcceptGroundRules", "true")))).StatusCode);
        var threadId = await P.WithDbAsync(db => db.ForumThreads.Where(t => t.Title == "Forged host thread").Select(t => t.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await secretary.SubmitFormAsync(PortalPaths.ForumThread(Slug, threadId), [], "main form[action*='handler=Watch']")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitFormAsync(PortalPaths.ForumThread(Slug, threadId), Html.Form(("Input.Body", "Me!"), ("Input.AcceptGroundRules", "true")), "#reply-form")).StatusCode);

        // A Triple-A point through the council's review to its outcome.
        var reportMeeting = await CopPortal.Web.Tests.Escalations.EscalationTestData.MeetingAsync(P, title: "Forged host report");
        var pointId = (await CopPortal.Web.Tests.Escalations.EscalationTestData.SubmittedReportAsync(P, reportMeeting, (TripleACategory.Alert, PointKind.Escalation, "Forged host point")))[0];
        var councilId = await CopPortal.Web.Tests.Meetings.ParticipationTestData.UserIdAsync(P, DemoData.CouncilEmail);
        var destination = await P.WithDbAsync(db => db.EscalationDestinations.Select(d => d.Id).FirstAsync());
        var point = PortalPaths.CouncilEscalation(pointId);
        Assert.Equal(HttpStatusCode.Redirect, (await council.SubmitFormAsync(point, Html.Form(("Input.AssignTo", councilId)), Handler("Assign"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await council.SubmitFormAsync(point, Html.Form(("Input.DestinationId", Workspace.Id(destination))), Handler("Route"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await council.SubmitFormAsync(point, Html.Form(("Input.Outcome", "Funded.")), Handler("Outcome"))).StatusCode);

        // The jobs: an action reminder, an overdue report reminder and the daily summary.
        var owner = await CopPortal.Web.Tests.Meetings.ParticipationTestData.UserIdAsync(P, DemoData.MemberEmail);
        await P.WithServicesAsync(async services =>
        {
            var community = await services.GetRequiredService<CopDbContext>().Communities.Where(c => c.Slug == Slug).Select(c => c.Id).SingleAsync();
            var today = DateOnly.FromDateTime(P.Clock.GetUtcNow().UtcDateTime);
            await services.GetRequiredService<CopPortal.Domain.Actions.ActionService>().AddAsync(community, "Forged host action", owner, "Member", today.AddDays(1), owner, "Member");
        });
        await CopPortal.Web.Tests.Escalations.EscalationTestData.MeetingAsync(P, daysAgo: EscalationService.OverdueAfterDays + 2, title: "Forged host overdue");
        await P.WithServicesAsync(async services =>
        {
            await services.GetRequiredService<CopPortal.Domain.Actions.ActionService>().QueueRemindersAsync();
            await services.GetRequiredService<EscalationService>().QueueOverdueRemindersAsync();
            await services.GetRequiredService<CopDbContext>().SaveChangesAsync();
        });
        // The daily summary of anything held (the job's own work, without waiting for its hour); its links are checked
        // if one is queued, but it is not required here (UnsubscribeHeaderTests covers its links on a public address).
        await P.WithServicesAsync(services => services.GetRequiredService<NotificationDigest>().QueueAsync());

        // Meeting invitations are written by the background fan-out (from configuration, never the request's Host).
        await P.ExpandMeetingInvitationsAsync();
        var sent = (await P.OutboxAsync()).Where(m => !before.Contains(m.Id)).ToList();
        string[] kinds =
        [
            CopPortal.Domain.Meetings.MeetingInvitations.InvitationEmail, CopPortal.Domain.Meetings.Polls.PollService.OpenedKind,
            "agenda.published", "minutes.published", "forum.reply", "escalation.outcome",
            "actions.reminder", "escalation.report-overdue",
        ];
        Assert.True(kinds.All(k => sent.Any(m => m.Kind == k)), "Missing: " + string.Join(", ", kinds.Where(k => sent.All(m => m.Kind != k))));

        var composer = P.Services.GetRequiredService<MailComposer>();
        var wrong = new List<string>();
        var unsubscribeHeaders = 0;
        foreach (var message in sent)
        {
            var mime = composer.Compose(message);
            using var raw = new MemoryStream();
            mime.WriteTo(raw);
            var whole = System.Text.Encoding.UTF8.GetString(raw.ToArray());
            if (whole.Contains(Forged, StringComparison.OrdinalIgnoreCase))
            {
                wrong.Add($"{message.Kind}: names the request's host");
            }
            var calendar = mime.BodyParts.OfType<MimeKit.TextPart>().FirstOrDefault(p => p.ContentType.MediaSubtype == "calendar")?.Text ?? "";
            var header = mime.Headers["List-Unsubscribe"];
            if (header is not null)
            {
                unsubscribeHeaders++;
            }
            var parts = new[] { ("text", mime.TextBody ?? ""), ("html", mime.HtmlBody ?? ""), ("List-Unsubscribe", header ?? ""), ("calendar", Unfold(calendar)) };
            foreach (var (part, text) in parts)
            {
                foreach (var link in Links(text))
                {
                    if (!link.StartsWith(PublicBaseUrl + "/", StringComparison.Ordinal) && !link.StartsWith(JoinUrl, StringComparison.Ordinal) && !link.StartsWith("https://teams.", StringComparison.Ordinal))
                    {
                        wrong.Add($"{message.Kind} {part}: {link}");
                    }
                }
            }
            if (message.Kind == CopPortal.Domain.Meetings.MeetingInvitations.InvitationEmail)
            {
                // The invitation's own RSVP links, and the calendar's URL, are on the public address.
                Assert.Contains(PublicBaseUrl + "/communities/" + Slug + "/meetings/", mime.TextBody, StringComparison.Ordinal);
                Assert.Contains("URL", calendar, StringComparison.Ordinal);
            }
        }
        Assert.True(unsubscribeHeaders > 0, "No topic email carried a List-Unsubscribe header");
        Assert.True(wrong.Count == 0, "Links off the public address:\n" + string.Join("\n", wrong.Distinct()));
    }

    [Fact]
    public async Task A_meeting_calendar_file_downloaded_with_a_forged_host_links_to_the_configured_address()
    {
        var meetingId = await CopPortal.Web.Tests.Meetings.ParticipationTestData.MeetingAsync(P, TimeSpan.FromDays(12), "Forged host calendar");
        var member = await ForgedClientAsync(DemoData.MemberEmail);

        var response = await member.GetAsync(PortalPaths.MeetingIcs(Slug, meetingId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ics = Unfold(await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(Forged, ics, StringComparison.OrdinalIgnoreCase);
        var links = Links(ics).ToList();
        Assert.Contains(links, l => l.StartsWith(PublicBaseUrl + PortalPaths.Meeting(Slug, meetingId), StringComparison.Ordinal));
        Assert.All(links, l => Assert.True(l.StartsWith(PublicBaseUrl + "/", StringComparison.Ordinal) || l.StartsWith("https://teams.", StringComparison.Ordinal), l));
    }

    private static string Handler(string name) => $"main form[action*='handler={name}']";

    /// <summary>RFC 5545 folds long lines with CRLF and a space; a link can span a fold.</summary>
    private static string Unfold(string calendar) => calendar.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\n ", "", StringComparison.Ordinal).Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\,", ",", StringComparison.Ordinal);

    /// <summary>Every absolute http(s) address, and every href, in a text.</summary>
    private static IEnumerable<string> Links(string text) =>
        AbsoluteLink().Matches(text).Select(m => m.Value.TrimEnd('.', ',', ')', ';', ':'))
            .Concat(Href().Matches(text).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)))
            .Where(l => !l.StartsWith("mailto:", StringComparison.Ordinal));

    [GeneratedRegex(@"https?://[^\s<>""'\]]+")]
    private static partial Regex AbsoluteLink();

    [GeneratedRegex(@"href=""([^""]*)""")]
    private static partial Regex Href();
}
