using System.Net;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using CopPortal.Domain.Links;

namespace CopPortal.Web.Tests.Directory;

public sealed class VacancyInterestTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private const string Slug = "psychological-professionals-in-physical-healthcare";
    private readonly PortalFactory _portal = shared.Fresh();

    private Task<int> VacancyIdAsync() =>
        _portal.WithDbAsync(db => db.Vacancies.Where(v => v.Community!.Slug == Slug).Select(v => v.Id).SingleAsync());

    [Fact]
    public async Task Get_anonymous_is_sent_to_sign_in()
    {
        var response = await _portal.CreateBrowserClient().GetAsync(PortalPaths.VacancyInterest(Slug, await VacancyIdAsync()));
        DirectoryTestData.AssertSignInRedirect(response);
    }

    [Fact]
    public async Task Post_interest_records_it_once_and_emails_staff()
    {
        var url = PortalPaths.VacancyInterest(Slug, await VacancyIdAsync());
        var client = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var response = await client.SubmitFormAsync(url, Html.Form(("Input.Message", "I chaired a <b>network</b> before.")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(PortalPaths.Community(Slug), response.Headers.Location!.OriginalString);

        var interests = await _portal.WithDbAsync(db => db.VacancyInterests.Include(i => i.User).ToListAsync());
        var interest = Assert.Single(interests);
        Assert.Equal(DemoData.MemberEmail, interest.User!.Email);
        Assert.Equal("I chaired a <b>network</b> before.", interest.Message);

        var mail = Assert.Single(await _portal.OutboxAsync());
        Assert.Equal(DemoData.StaffEmail, mail.ToAddress);
        Assert.Equal("Interest in the chair role: Psychological Professionals in Physical Healthcare", mail.Subject);
        Assert.Contains("Aisha Begum (member@demo.nhs.uk) is interested in the chair role", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("I chaired a <b>network</b> before.", mail.TextBody, StringComparison.Ordinal);

        var again = await client.GetPageAsync(url);
        Assert.Contains("You have already told us you are interested.", again.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_twice_keeps_one_interest_and_says_so()
    {
        var url = PortalPaths.VacancyInterest(Slug, await VacancyIdAsync());
        var client = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var page = await client.GetPageAsync(url);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("main form")!;
        await client.PostFormAsync(form, Html.Form(("Input.Message", "")), url);
        await client.PostFormAsync(form, Html.Form(("Input.Message", "")), url);
        Assert.Equal(1, await _portal.WithDbAsync(db => db.VacancyInterests.CountAsync()));
        Assert.Single(await _portal.OutboxAsync());
        var community = await client.GetPageAsync(PortalPaths.Community(Slug));
        Assert.Contains("You have already told us you are interested in being the chair.", community.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_message_too_long_is_an_error()
    {
        var url = PortalPaths.VacancyInterest(Slug, await VacancyIdAsync());
        var client = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var response = await client.SubmitFormAsync(url, Html.Form(("Input.Message", new string('a', 2001))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Your message must be 2,000 characters or fewer"], (await Html.ParseAsync(response)).ErrorSummary());
        Assert.Equal(0, await _portal.WithDbAsync(db => db.VacancyInterests.CountAsync()));
    }

    [Fact]
    public async Task Get_closed_vacancy_redirects_with_a_notice_and_unknown_is_404()
    {
        var id = await VacancyIdAsync();
        await _portal.WithDbAsync(async db =>
        {
            var vacancy = await db.Vacancies.SingleAsync(v => v.Id == id);
            vacancy.ClosedAt = _portal.Clock.GetUtcNow();
            await db.SaveChangesAsync();
        });
        var client = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var response = await client.GetAsync(PortalPaths.VacancyInterest(Slug, id));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/communities/{Slug}/vacancies/99999/interest")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(PortalPaths.VacancyInterest(DirectoryTestData.Practitioners, id))).StatusCode);
    }
}
