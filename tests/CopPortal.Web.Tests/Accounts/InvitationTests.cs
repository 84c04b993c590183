using System.Net;
using CopPortal.Domain.People;
using CopPortal.Web.Accounts;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using CopPortal.Domain.Links;

namespace CopPortal.Web.Tests.Accounts;

public sealed class InvitationTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private const string Guest = "expert.by.experience@gmail.com";
    private readonly PortalFactory _portal = shared.Fresh();

    private async Task<(HttpClient Staff, string Link)> InviteAsync(string email = Guest, string note = "Welcome to the EBE network")
    {
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var response = await staff.SubmitFormAsync(PortalPaths.NewInvitation, Html.Form(("Input.Email", email), ("Input.Note", note)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(PortalPaths.StaffInvitations, response.Headers.Location!.OriginalString);
        var mail = (await _portal.OutboxAsync()).Last(m => m.ToAddress == email && m.Kind == AccountEmails.InvitationKind);
        return (staff, AccountTestData.LinkIn(mail, "/account/invitation/"));
    }

    private static Dictionary<string, string> Account(string name = "Alex Expert") =>
        Html.Form(("Input.DisplayName", name), ("Input.Password", AccountTestData.NewPassword));

    [Fact]
    public async Task Post_new_invitation_emails_a_link_and_stores_only_a_hash_of_the_token()
    {
        var (staff, link) = await InviteAsync();

        var token = link["/account/invitation/".Length..];
        var invitation = await _portal.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync());
        Assert.Equal(Guest, invitation.Email);
        Assert.Equal("Welcome to the EBE network", invitation.Note);
        Assert.Equal(Invitation.HashToken(token), invitation.TokenHash);
        Assert.DoesNotContain(token, invitation.TokenHash, StringComparison.Ordinal);
        Assert.Equal(_portal.Clock.GetUtcNow().AddDays(14), invitation.ExpiresAt);
        var mail = (await _portal.OutboxAsync()).Single(m => m.Kind == AccountEmails.InvitationKind);
        Assert.Contains("Sam Okafor from the network team has invited you", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Welcome to the EBE network", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("works until 2 December 2026", mail.TextBody, StringComparison.Ordinal);

        var list = await staff.GetPageAsync(PortalPaths.StaffInvitations);
        var row = list.QuerySelectorAll("tbody tr").Single();
        Assert.Contains(Guest, row.TextContent, StringComparison.Ordinal);
        Assert.Equal("Open", row.QuerySelector(".nhsuk-tag")!.TextContent);
    }

    [Fact]
    public async Task Invitation_link_creates_a_confirmed_account_for_the_invited_email_and_signs_in()
    {
        var (_, link) = await InviteAsync();
        var guest = _portal.CreateBrowserClient();
        var form = await guest.GetPageAsync(link);
        Assert.Contains(Guest, form.QuerySelector(".nhsuk-summary-list")!.TextContent, StringComparison.Ordinal);
        Assert.Null(form.QuerySelector("input[name='Input.Email']"));

        var response = await guest.SubmitFormAsync(link, Account());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(PortalPaths.Profile, response.Headers.Location!.OriginalString);
        var profile = await guest.GetPageAsync(PortalPaths.Profile);
        Assert.Contains("Alex Expert", profile.QuerySelector(".nhsuk-header__account")!.TextContent, StringComparison.Ordinal);
        var user = await _portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == Guest));
        var invitation = await _portal.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync());
        Assert.True(user.EmailConfirmed);
        Assert.Equal(invitation.Id, user.InvitationId);
        Assert.Equal(user.Id, invitation.UsedByUserId);
        Assert.Equal(InvitationState.Used, invitation.StateAt(_portal.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task Invitation_link_used_twice_is_refused_with_a_clear_page()
    {
        var (_, link) = await InviteAsync();
        await _portal.CreateBrowserClient().SubmitFormAsync(link, Account());

        var second = _portal.CreateBrowserClient();
        var response = await second.GetAsync(link);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("This invitation has already been used", page.QuerySelector("h1")!.TextContent);
        Assert.Null(page.QuerySelector("main form"));
        Assert.Equal(1, await _portal.WithDbAsync(db => db.Users.CountAsync(u => u.Email == Guest)));
    }

    [Fact]
    public async Task Post_to_a_used_invitation_creates_nothing()
    {
        var (_, link) = await InviteAsync();
        var first = _portal.CreateBrowserClient();
        var page = await first.GetPageAsync(link);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("main form")!;
        await _portal.CreateBrowserClient().SubmitFormAsync(link, Account("Someone Else"));

        // The first tab still has the form open and submits it after the link was used.
        var response = await first.PostFormAsync(form, Account(), link);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("Someone Else", await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == Guest).Select(u => u.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task Invitation_link_after_expiry_is_refused()
    {
        var (_, link) = await InviteAsync();
        _portal.Clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));

        var response = await _portal.CreateBrowserClient().GetAsync(link);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("This invitation has expired", (await Html.ParseAsync(response)).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Revoked_invitation_is_refused()
    {
        var (staff, link) = await InviteAsync();
        var revoke = await staff.SubmitFormAsync(PortalPaths.StaffInvitations, [], "form[action*='handler=Revoke']");
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.NotNull(await _portal.WithDbAsync(db => db.Invitations.Select(i => i.RevokedAt).SingleAsync()));

        var response = await _portal.CreateBrowserClient().GetAsync(link);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("This invitation has been withdrawn", (await Html.ParseAsync(response)).QuerySelector("h1")!.TextContent);
        var list = await staff.GetPageAsync(PortalPaths.StaffInvitations);
        Assert.Equal("Withdrawn", list.QuerySelector("tbody tr .nhsuk-tag")!.TextContent);
    }

    [Fact]
    public async Task Resend_issues_a_new_link_and_the_old_one_stops_working()
    {
        var (_, oldLink) = await InviteAsync();
        _portal.Clock.Advance(TimeSpan.FromDays(15));
        // The first sign-in has long expired; staff sign in again two weeks later.
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var list = await staff.GetPageAsync(PortalPaths.StaffInvitations);
        Assert.Equal("Expired", list.QuerySelector("tbody tr .nhsuk-tag")!.TextContent);

        var resend = await staff.SubmitFormAsync(PortalPaths.StaffInvitations, [], "form[action*='handler=Resend']");
        Assert.Equal(HttpStatusCode.Redirect, resend.StatusCode);

        var mails = (await _portal.OutboxAsync()).Where(m => m.Kind == AccountEmails.InvitationKind).ToList();
        Assert.Equal(2, mails.Count);
        var newLink = AccountTestData.LinkIn(mails[1], "/account/invitation/");
        Assert.NotEqual(oldLink, newLink);
        Assert.Equal(HttpStatusCode.NotFound, (await _portal.CreateBrowserClient().GetAsync(oldLink)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _portal.CreateBrowserClient().GetAsync(newLink)).StatusCode);
        Assert.Equal(_portal.Clock.GetUtcNow().AddDays(14), await _portal.WithDbAsync(db => db.Invitations.Select(i => i.ExpiresAt).SingleAsync()));
    }

    [Fact]
    public async Task Post_second_open_invitation_for_the_same_email_is_refused()
    {
        var (staff, _) = await InviteAsync();
        var response = await staff.SubmitFormAsync(PortalPaths.NewInvitation, Html.Form(("Input.Email", Guest.ToUpperInvariant()), ("Input.Note", "")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["There is already an open invitation for this email address. Resend it from the list of invitations instead"], (await Html.ParseAsync(response)).ErrorSummary());
        Assert.Equal(1, await _portal.WithDbAsync(db => db.Invitations.CountAsync()));
    }

    [Theory]
    [InlineData("", "Enter their email address")]
    [InlineData("not-an-email", "Enter an email address in the correct format, like name@example.com")]
    [InlineData(DemoData.MemberEmail, "Someone already has an account with this email address")]
    public async Task Post_invalid_invitation_shows_an_error_and_saves_nothing(string email, string error)
    {
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var response = await staff.SubmitFormAsync(PortalPaths.NewInvitation, Html.Form(("Input.Email", email)));
        Assert.Equal([error], (await Html.ParseAsync(response)).ErrorSummary());
        Assert.Equal(0, await _portal.WithDbAsync(db => db.Invitations.CountAsync()));
        Assert.Empty(await _portal.OutboxAsync());
    }

    [Fact]
    public async Task Get_unknown_invitation_token_is_404_with_a_clear_page()
    {
        var response = await _portal.CreateBrowserClient().GetAsync("/account/invitation/not-a-real-token");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("This invitation link is not valid", (await Html.ParseAsync(response)).QuerySelector("h1")!.TextContent);
    }
}
