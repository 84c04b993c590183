using System.Net;
using AngleSharp.Html.Dom;
using CopPortal.Domain.Data;
using CopPortal.Domain.Escalations;
using CopPortal.Domain.Links;
using CopPortal.Domain.Minutes;
using CopPortal.Web.Infrastructure.Database;
using CopPortal.Web.Tests.Library;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Tests.Security;

/// <summary>
/// The same form, with one antiforgery token, posted thirty times at once over real HTTP (a double-clicking user,
/// a retrying proxy, or someone scripting the portal), on each workspace. No answer may be a server error, and the
/// database must hold exactly one effect (or, for forms with no submission key, one per accepted post).
/// Run with COPPORTAL_TEST_DATABASE=Postgres for PostgreSQL.
/// </summary>
public sealed class WorkspaceAttackConcurrencyTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private const string Slug = DemoData.PractitionersSlug;
    private const int Times = 30;
    private readonly PortalFactory _portal = shared.Fresh();

    [Fact]
    public async Task Thirty_identical_rsvps_at_once_leave_one_answer()
    {
        var meetingId = await CopPortal.Web.Tests.Meetings.ParticipationTestData.MeetingAsync(_portal, TimeSpan.FromDays(10), "Thirty RSVPs");
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var url = PortalPaths.Meeting(Slug, meetingId);

        var responses = await PostAtOnceAsync(member, url, "main form[action*='handler=Respond']", ("Rsvp.Answer", "Attending"));

        AssertNoServerError(responses);
        var userId = await CopPortal.Web.Tests.Meetings.ParticipationTestData.UserIdAsync(_portal, DemoData.MemberEmail);
        Assert.Equal(1, await _portal.WithDbAsync(db => db.MeetingResponses.CountAsync(r => r.MeetingId == meetingId && r.UserId == userId)));
    }

    [Fact]
    public async Task Thirty_identical_poll_answers_at_once_leave_one_answer_per_option()
    {
        var w = await Workspace.CreateAsync(_portal, Slug);
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);

        var responses = await PostAtOnceAsync(member, PortalPaths.MeetingPoll(Slug, w.Poll), "main form.app-poll-answers", ("Answers[0].Choice", "Yes"), ("Answers[1].Choice", "IfNeedBe"));

        AssertNoServerError(responses);
        var userId = await CopPortal.Web.Tests.Meetings.ParticipationTestData.UserIdAsync(_portal, DemoData.MemberEmail);
        Assert.Equal(2, await _portal.WithDbAsync(db => db.MeetingPollAnswers.CountAsync(a => a.UserId == userId && a.Option!.PollId == w.Poll)));
    }

    [Fact]
    public async Task Thirty_identical_new_threads_at_once_start_one_thread()
    {
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);

        var responses = await PostAtOnceAsync(member, PortalPaths.NewForumThread(Slug), "main form", ("Input.Title", "Thirty at once"), ("Input.Body", "Only one of me."), ("Input.AcceptGroundRules", "true"));

        AssertNoServerError(responses);
        Assert.Equal(1, await _portal.WithDbAsync(db => db.ForumThreads.CountAsync(t => t.Title == "Thirty at once")));
        Assert.Equal(1, await _portal.WithDbAsync(db => db.ForumPosts.CountAsync(p => p.Body == "Only one of me.")));
    }

    [Fact]
    public async Task Thirty_identical_replies_at_once_add_one_post()
    {
        var w = await Workspace.CreateAsync(_portal, Slug);
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);

        var responses = await PostAtOnceAsync(member, PortalPaths.ForumThread(Slug, w.Thread), "#reply-form", ("Input.Body", "One reply, thirty clicks."), ("Input.AcceptGroundRules", "true"));

        AssertNoServerError(responses);
        Assert.Equal(1, await _portal.WithDbAsync(db => db.ForumPosts.CountAsync(p => p.ThreadId == w.Thread && p.Body == "One reply, thirty clicks.")));
        Assert.Equal(2, await _portal.WithDbAsync(db => db.ForumThreads.Where(t => t.Id == w.Thread).Select(t => t.PostCount).SingleAsync()));
    }

    [Fact]
    public async Task Thirty_identical_reports_of_a_post_at_once_make_one_report()
    {
        var w = await Workspace.CreateAsync(_portal, Slug);
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var before = await _portal.WithDbAsync(db => db.ForumReports.CountAsync(r => r.PostId == w.Post));

        var responses = await PostAtOnceAsync(member, PortalPaths.ReportForumPost(Slug, w.Post), "main form", ("Input.Reason", "Thirty reports"));

        AssertNoServerError(responses);
        Assert.Equal(before + 1, await _portal.WithDbAsync(db => db.ForumReports.CountAsync(r => r.PostId == w.Post)));
    }

    [Fact]
    public async Task Thirty_submits_approvals_and_publications_of_minutes_at_once_each_happen_once()
    {
        var meetingId = await MinutesTestDataMeetingAsync();
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var url = PortalPaths.MeetingMinutes(Slug, meetingId);
        var templateId = await _portal.WithDbAsync(db => db.AgendaTemplates.Select(t => t.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await secretary.SubmitFormAsync(PortalPaths.MeetingAgenda(Slug, meetingId), Html.Form(("TemplateId", Workspace.Id(templateId))), "main form[action*='handler=Start']")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await secretary.SubmitFormAsync(url, [], "main form[action*='handler=Start']")).StatusCode);

        var submitted = await PostAtOnceAsync(secretary, url, "#draft-form", [("Draft.ChairedBy", "Cathy Chair")], handler: "Submit");
        AssertNoServerError(submitted);
        Assert.Equal(MinutesStatus.Submitted, (await MinutesAsync(meetingId)).Status);

        var approved = await PostAtOnceAsync(chair, url, "main form[action*='handler=Approve']");
        AssertNoServerError(approved);
        Assert.Equal(MinutesStatus.Approved, (await MinutesAsync(meetingId)).Status);

        var published = await PostAtOnceAsync(secretary, url, "main form[action*='handler=Publish']");
        AssertNoServerError(published);
        Assert.Equal(MinutesStatus.Published, (await MinutesAsync(meetingId)).Status);
        // One email to each member, however many times the button was pressed.
        var mail = (await _portal.OutboxAsync()).Where(m => m.Subject.Contains("Minutes", StringComparison.OrdinalIgnoreCase) && m.TextBody.Contains(PortalPaths.MeetingMinutes(Slug, meetingId), StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(mail);
        Assert.Equal(mail.Count, mail.Select(m => m.ToAddress).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Single(await _portal.WithDbAsync(db => db.MeetingMinutes.Where(m => m.MeetingId == meetingId).ToListAsync()));
    }

    [Fact]
    public async Task Thirty_submits_of_a_triple_a_report_at_once_submit_it_once()
    {
        var meetingId = await CopPortal.Web.Tests.Escalations.EscalationTestData.MeetingAsync(_portal, title: "Thirty submits");
        await _portal.WithDbAsync(async db =>
        {
            var meeting = await db.Meetings.FirstAsync(m => m.Id == meetingId);
            var report = new TripleAReport { CommunityId = meeting.CommunityId, MeetingId = meetingId, Content = "We met.", CreatedAt = _portal.Clock.GetUtcNow(), UpdatedAt = _portal.Clock.GetUtcNow() };
            report.Points.Add(new EscalationPoint { CommunityId = meeting.CommunityId, Category = TripleACategory.Alert, Kind = PointKind.Escalation, Title = "Waiting lists", Detail = "Long." });
            db.TripleAReports.Add(report);
            await db.SaveChangesAsync();
        });
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);

        var responses = await PostAtOnceAsync(chair, PortalPaths.MeetingReport(Slug, meetingId), "main form[action*='handler=Submit']");

        AssertNoServerError(responses);
        var report = await _portal.WithDbAsync(db => db.TripleAReports.AsNoTracking().Include(r => r.Points).SingleAsync(r => r.MeetingId == meetingId));
        Assert.Equal(ReportStatus.Submitted, report.Status);
        Assert.All(report.Points, p => Assert.Equal(PointStatus.Submitted, p.Status));
    }

    [Fact]
    public async Task Thirty_identical_action_updates_at_once_record_one_update()
    {
        var w = await Workspace.CreateAsync(_portal, Slug);
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var before = await _portal.WithDbAsync(db => db.ActionUpdates.CountAsync(u => u.ActionId == w.Action));

        var responses = await PostAtOnceAsync(chair, PortalPaths.Action(Slug, w.Action), "main form", ("Input.Status", "Done"), ("Input.Note", "Finished"));

        AssertNoServerError(responses);
        // The stamp in the form: the first post wins, the others are told someone else updated it.
        Assert.Equal(before + 1, await _portal.WithDbAsync(db => db.ActionUpdates.CountAsync(u => u.ActionId == w.Action)));
        Assert.Equal(CopPortal.Domain.Actions.ActionStatus.Done, await _portal.WithDbAsync(db => db.Actions.Where(a => a.Id == w.Action).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task Thirty_uploads_at_once_store_one_document_and_one_file_per_accepted_post()
    {
        // The add form has no submission key: each accepted post is an upload of its own. What must hold: no
        // server error, and every document the portal lists has its one stored file (none lost, none orphaned).
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var folderId = await _portal.WithDbAsync(db => db.LibraryFolders.Where(f => db.Communities.Any(c => c.Id == f.CommunityId && c.Slug == Slug)).Select(f => f.Id).FirstAsync());
        var filesBefore = _portal.StoredFiles().Count;
        var page = await chair.GetPageAsync(PortalPaths.LibraryAdd(Slug));
        var form = page.QuerySelectorAll("main form").OfType<IHtmlFormElement>().First(f => f.Enctype == "multipart/form-data");
        var fields = FormFields(form, [("Input.Title", "Thirty uploads"), ("Input.FolderId", Workspace.Id(folderId))]);
        var file = System.Text.Encoding.UTF8.GetBytes("Thirty uploads, one at a time.");

        var responses = await AtOnceAsync(() =>
        {
            var content = new MultipartFormDataContent();
            foreach (var (key, value) in fields)
            {
                content.Add(new StringContent(value), key);
            }
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
            content.Add(part, "Input.File", "thirty.txt");
            return chair.PostAsync(PortalPaths.LibraryAdd(Slug), content);
        });

        AssertNoServerError(responses);
        var accepted = responses.Count(r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.True(accepted >= 1, "No upload was accepted");
        var documents = await _portal.WithDbAsync(db => db.LibraryDocuments.Include(d => d.Versions).AsNoTracking().Where(d => d.Title == "Thirty uploads").ToListAsync());
        Assert.Equal(accepted, documents.Count);
        Assert.All(documents, d => Assert.Single(d.Versions));
        Assert.Equal(filesBefore + accepted, _portal.StoredFiles().Count);
    }

    [Fact]
    public async Task Thirty_schedulings_of_a_meeting_at_once_each_make_one_meeting_with_its_invitations()
    {
        // The schedule form has no submission key either: each accepted post is a meeting, invited once.
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        var members = await CopPortal.Web.Tests.Meetings.ParticipationTestData.MemberCountAsync(_portal);

        var responses = await PostAtOnceAsync(secretary, PortalPaths.MeetingCreate(Slug), "main form",
            ("Input.Title", "Thirty at once"), ("Input.SessionType", "Regular"),
            ("Input.Date.Day", "12"), ("Input.Date.Month", "1"), ("Input.Date.Year", "2027"),
            ("Input.StartTime", "14:00"), ("Input.EndTime", "16:00"), ("Input.Mode", "Online"),
            ("Input.JoinUrl", "https://teams.example.com/l/meetup-join/thirty"), ("Input.Repeat", "once"));

        AssertNoServerError(responses);
        var accepted = responses.Count(r => r.StatusCode == HttpStatusCode.Redirect);
        var meetings = await _portal.WithDbAsync(db => db.Meetings.Where(m => m.Title == "Thirty at once").Select(m => m.CalendarUid).ToListAsync());
        Assert.Equal(accepted, meetings.Count);
        await _portal.ExpandMeetingInvitationsAsync();
        var invitations = (await _portal.OutboxAsync()).Count(m => m.Kind == CopPortal.Domain.Meetings.MeetingInvitations.InvitationEmail && m.Subject.Contains("Thirty at once", StringComparison.Ordinal));
        Assert.Equal(accepted * members, invitations);
    }

    // ---- Helpers ----

    private Task<int> MinutesTestDataMeetingAsync() =>
        CopPortal.Web.Tests.Minutes.MinutesTestData.MeetingAsync(_portal, CopPortal.Web.Tests.Minutes.MinutesTestData.HeldAt, title: "Thirty minutes");

    private Task<MeetingMinutes> MinutesAsync(int meetingId) =>
        _portal.WithDbAsync(db => db.MeetingMinutes.AsNoTracking().Where(m => m.MeetingId == meetingId).OrderByDescending(m => m.Revision).FirstAsync());

    private static void AssertNoServerError(HttpResponseMessage[] responses)
    {
        var statuses = string.Join(", ", responses.GroupBy(r => (int)r.StatusCode).Select(g => $"{g.Count()} x {g.Key}"));
        Assert.True(responses.All(r => (int)r.StatusCode < 500), "Answers: " + statuses);
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Redirect);
    }

    /// <summary>Loads the page once, fills its form, and posts the same body <see cref="Times"/> times at once.</summary>
    private static Task<HttpResponseMessage[]> PostAtOnceAsync(HttpClient client, string url, string formSelector, params (string Key, string Value)[] fields) =>
        PostAtOnceAsync(client, url, formSelector, fields, handler: null);

    private static async Task<HttpResponseMessage[]> PostAtOnceAsync(HttpClient client, string url, string formSelector, (string Key, string Value)[] fields, string? handler)
    {
        var page = await client.GetPageAsync(url);
        var form = page.QuerySelector(formSelector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form {formSelector} on {url}");
        var values = FormFields(form, fields);
        var action = handler is not null ? url + "?handler=" + handler : form.GetAttribute("action") is { Length: > 0 } a ? a : url;
        return await AtOnceAsync(() => client.PostAsync(action, new FormUrlEncodedContent(values.Select(v => new KeyValuePair<string, string>(v.Key, v.Value)))));
    }

    /// <summary>The form's fields as a browser would post them, with the given values over its own.</summary>
    private static List<(string Key, string Value)> FormFields(IHtmlFormElement form, (string Key, string Value)[] fields)
    {
        var overridden = fields.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var values = new List<(string Key, string Value)>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when input.Name is { Length: > 0 } name && !overridden.Contains(name) && input.Type is not ("submit" or "button" or "file"):
                    if (input.Type is not ("checkbox" or "radio") || input.IsChecked)
                    {
                        values.Add((name, input.Value));
                    }
                    break;
                case IHtmlTextAreaElement area when area.Name is { Length: > 0 } name && !overridden.Contains(name):
                    values.Add((name, area.Value));
                    break;
                case IHtmlSelectElement select when select.Name is { Length: > 0 } name && !overridden.Contains(name):
                    values.Add((name, select.Value ?? ""));
                    break;
            }
        }
        values.AddRange(fields);
        return values;
    }

    private static async Task<HttpResponseMessage[]> AtOnceAsync(Func<Task<HttpResponseMessage>> send)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = Enumerable.Range(0, Times).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await send();
        })).ToList();
        start.SetResult();
        return await Task.WhenAll(running);
    }
}
