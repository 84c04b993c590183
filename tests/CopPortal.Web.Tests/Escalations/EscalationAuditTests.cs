using System.Net;
using CopPortal.Domain.Escalations;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using static CopPortal.Web.Tests.Escalations.EscalationTestData;

namespace CopPortal.Web.Tests.Escalations;

/// <summary>
/// Every step of a report and its review is in the audit with who and when, as the network team reads it on
/// /staff/audit, and the audit never copies the confidential text: the report's content, a point's detail, the
/// council's outcome, the comments. Those stay on the report and point pages, behind their own access rules.
/// </summary>
public sealed class EscalationAuditTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    private static readonly string[] Secrets =
    [
        "Minutes mention a named service user",
        "Ward 7 is unsafe at night",
        "Agency staff cover nights",
        "Funding agreed for two night nurses",
        "Council asks for the rota",
    ];

    [Fact]
    public async Task The_audit_shows_who_and_when_for_each_step_but_none_of_the_confidential_text()
    {
        var meetingId = await _portal.MeetingAsync();
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var url = ReportUrl(meetingId);
        await chair.SubmitFormAsync(url, Html.Form(("Input.Content", Secrets[0])), Form("Save"));
        await chair.SubmitFormAsync(url, [new("Point.Category", "Alert"), new("Point.Kind", "Escalation"), new("Point.Title", "Night staffing"), new("Point.Detail", Secrets[1])], Form("AddPoint"));
        await chair.SubmitFormAsync(url, [], Form("Submit"));
        await chair.SubmitFormAsync(url, Html.Form(("Comment.Body", Secrets[2])), "#follow-up ~ form");
        var pointId = await _portal.WithDbAsync(db => db.EscalationPoints.Where(p => p.Report!.MeetingId == meetingId).Select(p => p.Id).SingleAsync());
        var pointUrl = "/council/escalations/" + pointId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var council = await _portal.SignedInClientAsync(DemoData.CouncilEmail);
        var councilId = await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.CouncilEmail).Select(u => u.Id).SingleAsync());
        var destination = await _portal.WithDbAsync(db => db.EscalationDestinations.Where(d => d.Name == "The Workforce Council").Select(d => d.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await council.SubmitFormAsync(pointUrl, Html.Form(("Comment.Body", Secrets[4])), Form("Comment"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await council.SubmitFormAsync(pointUrl, Html.Form(("Input.AssignTo", councilId)), Form("Assign"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await council.SubmitFormAsync(pointUrl, Html.Form(("Input.DestinationId", destination.ToString(System.Globalization.CultureInfo.InvariantCulture))), Form("Route"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await council.SubmitFormAsync(pointUrl, Html.Form(("Input.Outcome", Secrets[3])), Form("Outcome"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await chair.SubmitFormAsync(url, [], Form("Share"))).StatusCode);

        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var pointAudit = await staff.GetPageAsync("/staff/audit?entity=" + nameof(EscalationPoint));
        var rows = pointAudit.QuerySelectorAll("tbody tr").Select(r => r.TextContent).Where(t => t.Contains(pointId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)).ToList();
        // Added, submitted, assigned, routed, outcome recorded, shared: each a row, with who did it.
        Assert.Contains(rows, r => r.Contains(DemoData.ChairEmail, StringComparison.OrdinalIgnoreCase) && r.Contains("Submitted", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains(DemoData.CouncilEmail, StringComparison.OrdinalIgnoreCase) && r.Contains("UnderReview", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains(DemoData.CouncilEmail, StringComparison.OrdinalIgnoreCase) && r.Contains("Routed", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains(DemoData.CouncilEmail, StringComparison.OrdinalIgnoreCase) && r.Contains("OutcomeRecorded", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains(DemoData.ChairEmail, StringComparison.OrdinalIgnoreCase) && r.Contains("shared with members", StringComparison.OrdinalIgnoreCase));

        foreach (var entity in new[] { nameof(EscalationPoint), nameof(TripleAReport), nameof(ReportComment) })
        {
            var text = (await staff.GetPageAsync("/staff/audit?entity=" + entity)).MainText();
            Assert.Contains("(redacted)", text, StringComparison.Ordinal);
            foreach (var secret in Secrets)
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }
        // Nor anywhere in the stored log.
        var stored = await _portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Select(a => a.Changes ?? "").ToListAsync());
        Assert.All(stored, changes => Assert.All(Secrets, secret => Assert.DoesNotContain(secret, changes, StringComparison.Ordinal)));
    }
}
