using System.Net;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Joining;
using CopPortal.Domain.Messaging;
using CopPortal.Domain.People;
using CopPortal.Domain.Privacy;
using CopPortal.Web.Infrastructure.Database;
using CopPortal.Web.Pages.Account;
using CopPortal.Web.Tests.Accounts;
using CopPortal.Web.Tests.Joining;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CopPortal.Domain.Links;

namespace CopPortal.Web.Tests.Privacy;

public sealed class AccountClosureTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private const string Email = "zara.quinton@nhs.net";
    private const string Name = "Zara Quinton";
    private readonly PortalFactory _portal = shared.Fresh();

    /// <summary>A person with a membership, an open join request (and its pending email) and a ToR version they saved.</summary>
    private async Task<(string UserId, int RequestId)> PersonWithHistoryAsync()
    {
        var user = await _portal.CreateApplicantAsync(Email, Name);
        var requestId = await _portal.SubmitAsync(Email, JoiningTestData.Caps);
        await _portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<CopPortal.Domain.Data.CopDbContext>();
            var community = await db.Communities.SingleAsync(c => c.Slug == JoiningTestData.Practitioners);
            await db.InTransactionAsync(async () =>
            {
                await services.GetRequiredService<MembershipService>().AddOrSetRoleAsync(community, user.Id, CommunityRole.Member);
                await db.SaveChangesAsync();
            });
            var terms = await db.TermsVersions.SingleAsync(t => t.CommunityId == community.Id && t.VersionNumber == community.CurrentTermsVersion);
            terms.CreatedById = user.Id;
            await db.SaveChangesAsync();
        });
        // Something the person did themselves, so the audit log has a row with them as "who".
        var client = await _portal.SignedInClientAsync(Email);
        var saved = await client.SubmitFormAsync(PortalPaths.Profile, Html.Form(("Input.JobTitle", "Senior practitioner")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(await _portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.UserId == user.Id && a.UserName == Email)));
        Assert.Contains(Name, (await client.GetPageAsync(PortalPaths.Terms(JoiningTestData.Practitioners))).MainText(), StringComparison.Ordinal);
        return (user.Id, requestId);
    }

    private Task<int> MemberCountAsync() =>
        _portal.WithDbAsync(db => db.Communities.Where(c => c.Slug == JoiningTestData.Practitioners).Select(c => c.MemberCount).SingleAsync());

    private Task<int> AuditCountAsync() => _portal.WithDbAsync(db => db.AuditEntries.CountAsync());

    private async Task<bool> CanSignInAsync(string email)
    {
        var response = await _portal.CreateBrowserClient().SubmitFormAsync(PortalPaths.SignIn, Html.Form(("Input.Email", email), ("Input.Password", PortalFactory.DemoPassword)));
        return response.StatusCode == HttpStatusCode.Redirect;
    }

    /// <summary>Everything a closure must have done, whoever closed the account.</summary>
    private async Task AssertClosedAsync(string userId, int requestId, int membersBefore, int auditBefore)
    {
        Assert.False(await CanSignInAsync(Email));
        var user = await _portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == userId));
        Assert.Equal(AccountClosure.FormerMemberName, user.DisplayName);
        Assert.Equal(AccountClosure.PlaceholderEmail(userId), user.Email);
        Assert.Null(user.PasswordHash);
        Assert.Null(user.JobTitle);
        Assert.Null(user.Organisation);
        Assert.Null(user.Region);
        Assert.Null(user.ProfessionId);
        Assert.NotNull(user.ClosedAt);

        Assert.False(await _portal.IsMemberAsync(user.Email!, JoiningTestData.Practitioners));
        Assert.Equal(membersBefore - 1, await MemberCountAsync());
        var request = await _portal.RequestAsync(requestId);
        Assert.Equal(JoinRequestStatus.Withdrawn, request.Status);
        Assert.Empty(request.Answers.QuestionAnswers);
        Assert.Null(request.Answers.JobTitle);
        Assert.Empty(await _portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == Email).ToListAsync()));

        // No audit row was deleted, the closure has one, and no row still holds the person's name or email.
        Assert.True(await AuditCountAsync() > auditBefore);
        Assert.Equal(1, await _portal.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AccountClosure.Action && a.EntityId == userId)));
        var audit = await _portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().ToListAsync());
        Assert.DoesNotContain(audit, a => (a.UserName ?? "").Contains("zara", StringComparison.OrdinalIgnoreCase) || (a.Changes ?? "").Contains("Zara", StringComparison.OrdinalIgnoreCase));

        // Where the name appeared, "Former member" appears instead.
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var terms = (await staff.GetPageAsync(PortalPaths.Terms(JoiningTestData.Practitioners))).MainText();
        Assert.Contains(AccountClosure.FormerMemberName, terms, StringComparison.Ordinal);
        Assert.DoesNotContain(Name, terms, StringComparison.Ordinal);
        var review = (await staff.GetPageAsync(PortalPaths.JoinRequestReview(requestId))).MainText();
        Assert.Contains(AccountClosure.FormerMemberName, review, StringComparison.Ordinal);
        Assert.DoesNotContain(Name, review, StringComparison.Ordinal);
        Assert.DoesNotContain(Email, review, StringComparison.Ordinal);
        var auditPage = (await staff.GetPageAsync(PortalPaths.StaffAudit)).MainText();
        Assert.Contains(AccountClosure.FormerMemberName, auditPage, StringComparison.Ordinal);
        Assert.DoesNotContain(Email, auditPage, StringComparison.OrdinalIgnoreCase);

        // The email address is free to register again.
        var again = await _portal.CreateUserAsync(Email, "Zara Again");
        Assert.NotEqual(userId, again.Id);
    }

    [Fact]
    public async Task Post_close_own_account_removes_personal_data_and_keeps_the_audit()
    {
        var (userId, requestId) = await PersonWithHistoryAsync();
        var client = await _portal.SignedInClientAsync(Email);
        var membersBefore = await MemberCountAsync();
        var auditBefore = await AuditCountAsync();

        var response = await client.SubmitFormAsync(PortalPaths.CloseAccount, Html.Form(("Input.Password", PortalFactory.DemoPassword)));

        Assert.Equal(PortalPaths.AccountClosed, AccountTestData.RedirectPath(response));
        Assert.Contains("Your account has been closed", (await client.GetPageAsync(PortalPaths.AccountClosed)).MainText(), StringComparison.Ordinal);
        // Signed out: the person's pages now ask them to sign in.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(PortalPaths.My)).StatusCode);
        var closure = await _portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AccountClosure.Action));
        Assert.Equal((userId, AccountClosure.FormerMemberName), (closure.UserId, closure.UserName));
        Assert.Contains("the account holder", closure.Changes, StringComparison.Ordinal);
        await AssertClosedAsync(userId, requestId, membersBefore, auditBefore);
    }

    [Fact]
    public async Task Post_close_own_account_with_wrong_password_shows_error_and_changes_nothing()
    {
        var (userId, _) = await PersonWithHistoryAsync();
        var client = await _portal.SignedInClientAsync(Email);
        var auditBefore = await AuditCountAsync();

        var response = await client.SubmitFormAsync(PortalPaths.CloseAccount, Html.Form(("Input.Password", "not my password at all")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal([CloseAccountModel.WrongPassword], page.ErrorSummary());
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        var user = await _portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == userId));
        Assert.Equal((Name, Email, (DateTimeOffset?)null), (user.DisplayName, user.Email, user.ClosedAt));
        Assert.True(await _portal.IsMemberAsync(Email, JoiningTestData.Practitioners));
        Assert.False(await _portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AccountClosure.Action)));
        Assert.True(await CanSignInAsync(Email));

        var empty = await Html.ParseAsync(await client.SubmitFormAsync(PortalPaths.CloseAccount, Html.Form(("Input.Password", ""))));
        Assert.Equal(["Enter your password"], empty.ErrorSummary());
        Assert.True(auditBefore <= await AuditCountAsync());
    }

    [Fact]
    public async Task Post_staff_close_account_with_reason_removes_personal_data_and_records_who()
    {
        var (userId, requestId) = await PersonWithHistoryAsync();
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var url = PortalPaths.ClosePerson(userId);
        Assert.Contains(PortalPaths.ClosePerson(userId), (await staff.GetPageAsync(PortalPaths.StaffPerson(userId))).QuerySelector("main a[href$='/close']")!.GetAttribute("href"), StringComparison.Ordinal);

        var noReason = await staff.SubmitFormAsync(url, Html.Form(("Input.Reason", " ")));
        var errorPage = await Html.ParseAsync(noReason);
        Assert.Equal(["Enter the reason for closing the account"], errorPage.ErrorSummary());
        Assert.StartsWith("Error: ", errorPage.Title, StringComparison.Ordinal);
        Assert.True(await CanSignInAsync(Email));

        var membersBefore = await MemberCountAsync();
        var auditBefore = await AuditCountAsync();
        var response = await staff.SubmitFormAsync(url, Html.Form(("Input.Reason", "Asked by email on 3 December")));

        Assert.Equal(PortalPaths.StaffPerson(userId), AccountTestData.RedirectPath(response));
        Assert.Contains("This account was closed on", (await staff.GetPageAsync(PortalPaths.StaffPerson(userId))).MainText(), StringComparison.Ordinal);
        var staffId = await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.StaffEmail).Select(u => u.Id).SingleAsync());
        var closure = await _portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AccountClosure.Action));
        Assert.Equal((staffId, DemoData.StaffEmail), (closure.UserId, closure.UserName));
        Assert.Contains("Asked by email on 3 December", closure.Changes, StringComparison.Ordinal);
        await AssertClosedAsync(userId, requestId, membersBefore, auditBefore);
    }

    [Fact]
    public async Task Post_close_the_last_staff_account_is_refused_by_either_route()
    {
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var staffId = await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.StaffEmail).Select(u => u.Id).SingleAsync());

        var byStaffRoute = await Html.ParseAsync(await staff.SubmitFormAsync(PortalPaths.ClosePerson(staffId), Html.Form(("Input.Reason", "Leaving the team"))));
        Assert.Equal([AccountClosure.LastStaffMessage], byStaffRoute.ErrorSummary());
        var bySelfRoute = await Html.ParseAsync(await staff.SubmitFormAsync(PortalPaths.CloseAccount, Html.Form(("Input.Password", PortalFactory.DemoPassword))));
        Assert.Equal([AccountClosure.LastStaffMessage], bySelfRoute.ErrorSummary());

        Assert.True(await CanSignInAsync(DemoData.StaffEmail));
        Assert.False(await _portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AccountClosure.Action)));
    }

    [Fact]
    public async Task Post_close_twice_at_once_closes_once_without_error()
    {
        var (userId, _) = await PersonWithHistoryAsync();
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var url = PortalPaths.ClosePerson(userId);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)(await staff.GetPageAsync(url)).QuerySelector("main form")!;
        var fields = Html.Form(("Input.Reason", "Asked by phone"));

        // Two staff tabs submitting together, then a third, late, duplicate submit of the same form.
        var responses = await Task.WhenAll(staff.PostFormAsync(form, fields, url), staff.PostFormAsync(form, fields, url));
        var late = await staff.PostFormAsync(form, fields, url);

        Assert.All(responses.Append(late), r => Assert.Equal(PortalPaths.StaffPerson(userId), AccountTestData.RedirectPath(r)));
        Assert.Equal(1, await _portal.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AccountClosure.Action)));
    }

    [Fact]
    public async Task Post_close_own_account_twice_at_once_never_fails()
    {
        await PersonWithHistoryAsync();
        var client = await _portal.SignedInClientAsync(Email);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)(await client.GetPageAsync(PortalPaths.CloseAccount)).QuerySelector("main form")!;
        var fields = Html.Form(("Input.Password", PortalFactory.DemoPassword));

        var responses = await Task.WhenAll(client.PostFormAsync(form, fields, PortalPaths.CloseAccount), client.PostFormAsync(form, fields, PortalPaths.CloseAccount));

        Assert.All(responses, r => Assert.True((int)r.StatusCode < 500, $"got {(int)r.StatusCode}"));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(1, await _portal.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AccountClosure.Action)));
    }

    [Fact]
    public async Task Get_closed_account_cannot_be_given_a_role()
    {
        var (userId, _) = await PersonWithHistoryAsync();
        await _portal.WithServicesAsync(sp => sp.GetRequiredService<AccountClosure>().CloseAsync(userId, "Test"));
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);

        var page = await staff.GetPageAsync(PortalPaths.StaffPerson(userId));
        Assert.Empty(page.QuerySelectorAll("form[action*='handler=Grant']"));
        Assert.Equal(HttpStatusCode.Redirect, (await staff.GetAsync(PortalPaths.ClosePerson(userId))).StatusCode);
    }
}
