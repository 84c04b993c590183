using System.Net;
using CopPortal.Domain.Escalations;
using CopPortal.Domain.Messaging;
using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure.Database;
using CopPortal.Web.Tests.Notifications;
using Microsoft.EntityFrameworkCore;
using static CopPortal.Web.Tests.Escalations.EscalationTestData;

namespace CopPortal.Web.Tests.Escalations;

/// <summary>
/// When a report is submitted every council member gets one email: the CoP, the meeting date, counts by category and
/// the Alerts' titles, a link to the queue; no content or detail. Drafts tell nobody; people's email choices apply.
/// </summary>
public sealed class CouncilNotificationTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    private static KeyValuePair<string, string>[] PointFields(string category, string kind, string title, string detail) =>
        [new("Point.Category", category), new("Point.Kind", kind), new("Point.Title", title), new("Point.Detail", detail)];

    private async Task<List<OutboxMessage>> SubmittedMailAsync() =>
        (await _portal.OutboxAsync()).Where(m => m.Kind == "escalation.submitted").ToList();

    [Fact]
    public async Task Submitting_a_report_emails_each_council_member_once_with_counts_and_alert_titles_but_no_detail()
    {
        var second = await _portal.CreateUserAsync("second.council@nhs.net", "Sam Second", NetworkRoles.CouncilMember);
        var closed = await _portal.CreateUserAsync("closed.council@nhs.net", "Cleo Closed", NetworkRoles.CouncilMember);
        await _portal.WithDbAsync(async db =>
        {
            (await db.Users.FirstAsync(u => u.Id == closed.Id)).ClosedAt = _portal.Clock.GetUtcNow();
            await db.SaveChangesAsync();
        });
        var meetingId = await _portal.MeetingAsync();
        var communityId = await _portal.WithDbAsync(db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.CommunityId).SingleAsync());
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var url = ReportUrl(meetingId);

        await chair.SubmitFormAsync(url, Html.Form(("Input.Content", "Minutes mention a named service user")), Form("Save"));
        await chair.SubmitFormAsync(url, PointFields("Alert", "Escalation", "Supervision waiting lists", "Ward 7 is unsafe at night"), Form("AddPoint"));
        await chair.SubmitFormAsync(url, PointFields("Alert", "Escalation", "Digital contracts ending", "Two services lose their platform"), Form("AddPoint"));
        await chair.SubmitFormAsync(url, PointFields("Assure", "Commendation", "Peer support works", "Forty practitioners paired"), Form("AddPoint"));
        await chair.SubmitFormAsync(url, PointFields("Advise", "Escalation", "Room bookings", "Rooms are scarce on Tuesdays"), Form("AddPoint"));
        // A draft tells the council nothing.
        Assert.Empty(await SubmittedMailAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await chair.SubmitFormAsync(url, [], Form("Submit"))).StatusCode);

        var mail = await SubmittedMailAsync();
        var councilIds = await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.CouncilEmail).Select(u => u.Id).ToListAsync());
        Assert.Equal([DemoData.CouncilEmail, "second.council@nhs.net"], mail.Select(m => m.ToAddress).Order(StringComparer.Ordinal));
        Assert.Equal([.. councilIds, second.Id], mail.OrderBy(m => m.ToAddress, StringComparer.Ordinal).Select(m => m.UserId));
        var date = CopPortal.Domain.Time.LondonTime.Date(_portal.Clock.GetUtcNow().AddDays(-2));
        Assert.All(mail, m =>
        {
            Assert.Equal(EmailTopic.Escalations, m.Topic);
            Assert.Equal($"Triple-A report from Psychological Practitioners, {date}: 2 Alerts", m.Subject);
            Assert.Contains($"Psychological Practitioners has submitted its Triple-A report for its meeting on {date}.", m.TextBody, StringComparison.Ordinal);
            Assert.Contains("4 points: 1 Advise, 1 Assure, 2 Alert (3 escalations, 1 commendation).", m.TextBody, StringComparison.Ordinal);
            Assert.Contains("Alerts:\n- Supervision waiting lists\n- Digital contracts ending", m.TextBody.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            Assert.Contains($"http://localhost/council/escalations?community={communityId}", m.TextBody, StringComparison.Ordinal);
            // Only Alerts are named; the content and every point's detail stay behind the sign-in.
            foreach (var secret in new[] { "Peer support works", "Room bookings", "Ward 7", "named service user", "Forty practitioners", "Rooms are scarce" })
            {
                Assert.DoesNotContain(secret, m.TextBody, StringComparison.Ordinal);
                Assert.DoesNotContain(secret, m.Subject, StringComparison.Ordinal);
            }
        });

        // The council's own steps on the submitted points do not repeat it.
        var ids = await _portal.WithDbAsync(db => db.EscalationPoints.Where(p => p.Report!.MeetingId == meetingId).Select(p => p.Id).ToListAsync());
        Assert.Equal(4, ids.Count);
        Assert.Equal(2, (await SubmittedMailAsync()).Count);
    }

    [Fact]
    public async Task A_report_with_no_alerts_says_so_and_a_council_member_who_turned_the_topic_off_is_not_sent_it()
    {
        var quiet = await _portal.CreateUserAsync("quiet.council@nhs.net", "Quinn Quiet", NetworkRoles.CouncilMember);
        await _portal.ChooseAsync(quiet.Id, EmailTopic.Escalations, EmailDelivery.Off);
        var meetingId = await _portal.MeetingAsync();
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var url = ReportUrl(meetingId);
        await chair.SubmitFormAsync(url, Html.Form(("Input.Content", "Planning session")), Form("Save"));
        await chair.SubmitFormAsync(url, PointFields("Assure", "Commendation", "Peer support works", "Forty practitioners paired"), Form("AddPoint"));
        await chair.SubmitFormAsync(url, [], Form("Submit"));

        var mail = await SubmittedMailAsync();
        Assert.Equal(2, mail.Count);
        Assert.All(mail, m =>
        {
            Assert.Equal($"Triple-A report from Psychological Practitioners, {CopPortal.Domain.Time.LondonTime.Date(_portal.Clock.GetUtcNow().AddDays(-2))}", m.Subject);
            Assert.Contains("1 point: 0 Advise, 1 Assure, 0 Alert (0 escalations, 1 commendation).", m.TextBody, StringComparison.Ordinal);
            Assert.Contains("There are no Alerts in this report.", m.TextBody, StringComparison.Ordinal);
        });

        await _portal.DeliverAsync();
        var statuses = await _portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == "escalation.submitted")
            .ToDictionaryAsync(m => m.ToAddress, m => m.Status));
        Assert.Equal(OutboxStatus.Skipped, statuses["quiet.council@nhs.net"]);
        Assert.Equal(OutboxStatus.Sent, statuses[DemoData.CouncilEmail]);
    }
}
