using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CopPortal.Domain.Auditing;
using CopPortal.Domain.Joining;
using CopPortal.Web.Infrastructure.Database;
using CopPortal.Web.Pages.Communities;
using CopPortal.Web.Tests.Joining;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using CopPortal.Domain.Links;

namespace CopPortal.Web.Tests.Security;

/// <summary>
/// Equality monitoring answers are kept apart from the person: the audit trail never records them or who gave them,
/// and one join request yields at most one response however often its form is sent.
/// </summary>
public sealed class EqualityMonitoringPrivacyTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private const string Email = "new.pwp@test.nhs.uk";
    private const string JoinUrl = "/communities/psychological-practitioners/join";
    private const string MonitoringUrl = "/communities/psychological-practitioners/join/monitoring";
    private static readonly Uri Base = new("http://localhost");
    private readonly PortalFactory _portal = shared.Fresh();

    private static readonly Dictionary<string, string> Answers = Html.Form(
        ("Input.AgeBand", "35 to 44"), ("Input.Sex", "Female"), ("Input.Ethnicity", "Mixed or multiple ethnic groups"),
        ("Input.Disability", "Yes"), ("Input.SexualOrientation", "Bisexual"), ("Input.Religion", "Jewish"));

    [Fact]
    public async Task Post_monitoring_writes_no_audit_entry_with_its_values_its_entity_or_its_author()
    {
        var applicant = await _portal.CreateApplicantAsync(Email);
        var client = await _portal.SignedInClientAsync(Email);
        await client.SubmitFormAsync(JoinUrl, Html.Form(("Input.Declarations[0]", "true"), ("Input.QuestionAnswers[0]", "Ideas")));
        var response = await client.SubmitFormAsync(MonitoringUrl, Answers);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = Assert.Single(await _portal.WithDbAsync(db => db.EqualityMonitoringResponses.AsNoTracking().ToListAsync()));
        Assert.Equal("Bisexual", stored.SexualOrientation);

        var audit = await _portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().ToListAsync());
        Assert.Contains(audit, a => a.UserId == applicant.Id && a.EntityType == nameof(JoinRequest));
        Assert.DoesNotContain(audit, a => a.EntityType == nameof(EqualityMonitoringResponse));
        foreach (var value in new[] { "35 to 44", "Mixed or multiple ethnic groups", "Bisexual", "Jewish", stored.SubmissionKeyHash! })
        {
            Assert.DoesNotContain(audit, a => (a.Changes ?? "").Contains(value, StringComparison.Ordinal));
        }
        // Nothing the applicant did names the response (the one-time key's hash included).
        Assert.All(audit.Where(a => a.UserId == applicant.Id), a => Assert.DoesNotContain("Monitoring", a.EntityType, StringComparison.OrdinalIgnoreCase));

        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var page = await staff.GetPageAsync(PortalPaths.StaffAudit);
        Assert.DoesNotContain("equality monitoring", page.MainText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Bisexual", page.MainText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Jewish", page.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_replayed_five_times_with_the_same_cookie_keeps_one_response_and_says_thank_you()
    {
        var (cookie, form) = await MonitoringFormAsync();
        using var replayer = ReplayClient();
        for (var i = 0; i < 5; i++)
        {
            var response = await replayer.SendAsync(Replay(cookie, form));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(PortalPaths.My, response.Headers.Location!.OriginalString);
        }
        Assert.Equal(1, await _portal.WithDbAsync(db => db.EqualityMonitoringResponses.CountAsync()));

        // The replay is told its answers are already recorded, not shown an error or the form again.
        var last = await replayer.SendAsync(Replay(cookie, form));
        var jar = new System.Net.CookieContainer();
        jar.SetCookies(Base, cookie.Replace("; ", ",", StringComparison.Ordinal));
        foreach (var set in last.Headers.GetValues("Set-Cookie"))
        {
            jar.SetCookies(Base, set);
        }
        var my = await replayer.SendAsync(new HttpRequestMessage(HttpMethod.Get, PortalPaths.My) { Headers = { { "Cookie", jar.GetCookieHeader(Base) } } });
        Assert.Equal(HttpStatusCode.OK, my.StatusCode);
        Assert.Contains(JoinMonitoringModel.AlreadyRecorded, (await Html.ParseAsync(my)).MainText(), StringComparison.Ordinal);
        var again = await replayer.SendAsync(new HttpRequestMessage(HttpMethod.Get, MonitoringUrl) { Headers = { { "Cookie", cookie } } });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await _portal.WithDbAsync(db => db.EqualityMonitoringResponses.CountAsync()));
    }

    [Fact]
    public async Task Post_sent_five_times_at_once_with_the_same_cookie_keeps_one_response_and_no_500()
    {
        var (cookie, form) = await MonitoringFormAsync();
        var clients = Enumerable.Range(0, 5).Select(_ => ReplayClient()).ToList();
        var responses = await Task.WhenAll(clients.Select(c => c.SendAsync(Replay(cookie, form))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.All(responses, r => Assert.Equal(PortalPaths.My, r.Headers.Location!.OriginalString));
        Assert.Equal(1, await _portal.WithDbAsync(db => db.EqualityMonitoringResponses.CountAsync()));
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task Each_new_request_gets_its_own_chance_to_answer()
    {
        await _portal.CreateApplicantAsync(Email);
        var client = await _portal.SignedInClientAsync(Email);
        await client.SubmitFormAsync(JoinUrl, Html.Form(("Input.Declarations[0]", "true"), ("Input.QuestionAnswers[0]", "Ideas")));
        await client.SubmitFormAsync(MonitoringUrl, Answers);
        var request = await _portal.WithDbAsync(db => db.JoinRequests.SingleAsync(r => r.Applicant!.Email == Email));
        await client.SubmitFormAsync(PortalPaths.WithdrawRequest(request.Id), []);
        await client.SubmitFormAsync(JoinUrl, Html.Form(("Input.Declarations[0]", "true"), ("Input.QuestionAnswers[0]", "Ideas")));
        var response = await client.SubmitFormAsync(MonitoringUrl, Answers);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(2, await _portal.WithDbAsync(db => db.JoinRequests.CountAsync(r => r.Applicant!.Email == Email)));
        Assert.Equal(2, await _portal.WithDbAsync(db => db.EqualityMonitoringResponses.CountAsync()));
    }

    /// <summary>Sends a join request and opens the monitoring form; returns the browser's cookies and the filled form.</summary>
    private async Task<(string Cookie, List<KeyValuePair<string, string>> Form)> MonitoringFormAsync()
    {
        await _portal.CreateApplicantAsync(Email);
        var cookies = new System.Net.CookieContainer();
        using var client = _portal.CreateDefaultClient(Base, new CookieContainerHandler(cookies));
        await client.AsAsync(Email);
        await client.SubmitFormAsync(JoinUrl, Html.Form(("Input.Declarations[0]", "true"), ("Input.QuestionAnswers[0]", "Ideas")));
        var page = await client.GetPageAsync(MonitoringUrl);
        var token = page.QuerySelector<IHtmlInputElement>("main form input[name=__RequestVerificationToken]")!.Value;
        return (cookies.GetCookieHeader(new Uri(Base, MonitoringUrl)), [.. Answers, new("__RequestVerificationToken", token)]);
    }

    private HttpClient ReplayClient() =>
        _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static HttpRequestMessage Replay(string cookie, List<KeyValuePair<string, string>> form) =>
        new(HttpMethod.Post, MonitoringUrl) { Content = new FormUrlEncodedContent(form), Headers = { { "Cookie", cookie } } };
}
