using System.Net;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Messaging;
using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure.Database;
using CopPortal.Web.Tests.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Tests.Foundation;

/// <summary>What a new user tripped over, trying the portal in every role: each fix, checked.</summary>
public sealed class NewUserTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    [Fact]
    public async Task Pages_promise_only_what_the_portal_does_today()
    {
        var anonymous = _portal.CreateBrowserClient();
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var pages = new List<string>();
        foreach (var url in new[] { "/", "/help", "/account/register", "/account/profile" })
        {
            var client = url == "/account/profile" ? member : anonymous;
            pages.Add((await client.GetPageAsync(url)).MainText());
        }
        pages.Add((await member.GetPageAsync($"/my/communities/{DemoData.PractitionersSlug}/leave")).MainText());
        foreach (var text in pages)
        {
            foreach (var promise in new[] { "forum", "minutes", "discussion", "documents", "shown next to everything you post", "shown to other members" })
            {
                Assert.DoesNotContain(promise, text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task Home_page_is_personal_for_every_role_and_public_for_visitors()
    {
        Assert.Equal(HttpStatusCode.OK, (await _portal.CreateBrowserClient().GetAsync("/")).StatusCode);

        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var redirect = await member.GetAsync("/");
        Assert.Equal("/my", AccountTestData.RedirectPath(redirect));
        var memberHome = await member.GetPageAsync("/my");
        Assert.Equal("Your home page", memberHome.QuerySelector("h1")!.TextContent.Trim());
        Assert.Null(memberHome.QuerySelector("#network-team"));
        Assert.Null(memberHome.QuerySelector("#council"));
        Assert.Null(memberHome.QuerySelector("#core-team"));
        Assert.NotNull(memberHome.QuerySelector("#communities"));
        // The first section heading is an h2 like the next, not a smaller table caption above a bigger h2.
        Assert.Null(memberHome.QuerySelector("caption:not(.nhsuk-u-visually-hidden)"));

        // Staff: the week's counts, each true to the database.
        await _portal.WithDbAsync(async db =>
        {
            db.OutboxMessages.Add(new OutboxMessage { Kind = "test", ToAddress = "x@nhs.uk", ToName = "X", Subject = "S", TextBody = "B", Status = OutboxStatus.Failed, CreatedAt = _portal.Clock.GetUtcNow(), NextAttemptAt = _portal.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        });
        var open = await _portal.WithDbAsync(db => db.JoinRequests.CountAsync(r => r.InQueue == 1));
        var proposals = await _portal.WithDbAsync(db => db.Proposals.CountAsync(p => p.Status == ProposalStatus.Pending));
        var staffHome = await (await _portal.SignedInClientAsync(DemoData.StaffEmail)).GetPageAsync("/my");
        var counts = staffHome.QuerySelectorAll(".app-home-counts li").Select(li => li.TextContent.Trim()).ToList();
        Assert.StartsWith($"{open} join requests waiting", counts[0], StringComparison.Ordinal);
        Assert.StartsWith($"{proposals} proposal", counts[1], StringComparison.Ordinal);
        Assert.StartsWith("1 email that failed to send", counts[2], StringComparison.Ordinal);

        // Council: says truthfully that nothing can have been escalated yet.
        var councilHome = await (await _portal.SignedInClientAsync(DemoData.CouncilEmail)).GetPageAsync("/my");
        Assert.Contains("No issues have been escalated", councilHome.QuerySelector("#council + p")!.TextContent, StringComparison.Ordinal);
        Assert.Null(councilHome.QuerySelector("#network-team"));

        // Chair: the ToR review shows once it is within the reminder's 30 days, with a link to do it.
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        Assert.DoesNotContain("annual review", (await chair.GetPageAsync("/my")).MainText(), StringComparison.Ordinal);
        var today = CopPortal.Domain.Time.LondonTime.Today(_portal.Clock);
        await _portal.WithDbAsync(async db =>
        {
            var community = await db.Communities.SingleAsync(c => c.Slug == DemoData.PractitionersSlug);
            community.TermsReviewDueOn = today.AddDays(10);
            await db.SaveChangesAsync();
        });
        var task = (await chair.GetPageAsync("/my")).QuerySelectorAll(".app-core-team-tasks li").Single(li => li.TextContent.Contains("annual review", StringComparison.Ordinal));
        Assert.Contains($"is due by {CopPortal.Domain.Time.LondonTime.Date(today.AddDays(10))}", task.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/communities/{DemoData.PractitionersSlug}/terms/edit", task.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Sign_out_says_so_once()
    {
        var client = await _portal.SignedInClientAsync(DemoData.MemberEmail);
        var response = await client.SubmitFormAsync("/account/sign-out", []);
        var page = await client.GetPageAsync(AccountTestData.RedirectPath(response));
        var main = page.QuerySelector("main")!.TextContent;
        Assert.Equal(1, CountOf(main, "You have signed out"));
        Assert.Null(page.QuerySelector(".nhsuk-notification-banner"));
    }

    [Fact]
    public async Task Terms_of_reference_breadcrumbs_start_at_home()
    {
        var page = await _portal.CreateBrowserClient().GetPageAsync($"/communities/{DemoData.PractitionersSlug}/terms");
        var crumbs = page.QuerySelectorAll(".nhsuk-breadcrumb__list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/", "/communities", $"/communities/{DemoData.PractitionersSlug}"], crumbs);
    }

    [Fact]
    public async Task Create_community_with_no_name_does_not_call_the_optional_web_address_required()
    {
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var response = await staff.SubmitFormAsync("/staff/communities/new", Html.Form(("Input.Name", ""), ("Input.Slug", ""), ("Input.Summary", "For testing.")));
        var errors = (await Html.ParseAsync(response)).ErrorSummary();
        Assert.Equal(["Enter the community's name"], errors);

        var symbols = await staff.SubmitFormAsync("/staff/communities/new", Html.Form(("Input.Name", "!!!"), ("Input.Slug", ""), ("Input.Summary", "For testing.")));
        Assert.Contains("Enter a web address name, because the name has no letters or numbers to make one from", (await Html.ParseAsync(symbols)).ErrorSummary());
    }

    [Fact]
    public async Task A_search_longer_than_the_box_allows_gets_a_clear_error_not_a_blank_page()
    {
        var client = _portal.CreateBrowserClient();
        var form = await client.GetPageAsync("/communities");
        Assert.Equal("100", form.QuerySelector("#q")!.GetAttribute("maxlength"));

        var response = await client.GetAsync("/communities?q=" + new string('a', 10_000));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(["Search words must be 100 characters or fewer"], page.ErrorSummary());
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Equal(100, page.QuerySelector("#q")!.GetAttribute("value")!.Length);
        Assert.Contains("Search words must be 100 characters or fewer", page.QuerySelector("#q-error")!.TextContent, StringComparison.Ordinal);

        // A search of exactly the limit is an ordinary search.
        var atLimit = await client.GetPageAsync("/communities?q=" + new string('a', 100));
        Assert.Empty(atLimit.ErrorSummary());
    }

    [Fact]
    public async Task Removing_an_email_domain_asks_for_confirmation_first()
    {
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var nhs = await _portal.WithDbAsync(db => db.AllowedEmailDomains.SingleAsync(d => d.Domain == "nhs.uk"));
        var list = await staff.GetPageAsync("/staff/email-domains");
        Assert.Empty(list.QuerySelectorAll("tbody form"));
        Assert.Contains(list.QuerySelectorAll("tbody a"), a => a.GetAttribute("href") == $"/staff/email-domains?remove={nhs.Id}");

        // A removal posted without the confirmation (an old page, a crafted form) only leads to the question.
        var unconfirmed = await staff.PostFormAsync(
            (AngleSharp.Html.Dom.IHtmlFormElement)(await staff.GetPageAsync($"/staff/email-domains?remove={nhs.Id}")).QuerySelector("main form")!,
            [new("confirm", "no")], $"/staff/email-domains?remove={nhs.Id}");
        Assert.Equal($"/staff/email-domains?remove={nhs.Id}", AccountTestData.RedirectPath(unconfirmed));
        Assert.True(await _portal.WithDbAsync(db => db.AllowedEmailDomains.AnyAsync(d => d.Domain == "nhs.uk")));

        var question = await staff.GetPageAsync($"/staff/email-domains?remove={nhs.Id}");
        Assert.Equal("Are you sure you want to remove nhs.uk?", question.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("will no longer be able to register without an invitation", question.MainText(), StringComparison.Ordinal);
        var confirmed = await staff.SubmitFormAsync($"/staff/email-domains?remove={nhs.Id}", []);
        Assert.Equal("/staff/email-domains", AccountTestData.RedirectPath(confirmed));
        Assert.False(await _portal.WithDbAsync(db => db.AllowedEmailDomains.AnyAsync(d => d.Domain == "nhs.uk")));
        Assert.True(await _portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "AllowedEmailDomain" && a.Action == "Deleted")));
    }

    [Theory]
    [InlineData("gmail.com", "gmail.com is a personal email service")]
    [InlineData("hotmail.co.uk", "hotmail.co.uk is a personal email service")]
    [InlineData("yahoo.fr", "yahoo.fr is a personal email service")]
    [InlineData("co.uk", "co.uk includes hotmail.co.uk, a personal email service")]
    public async Task Adding_a_personal_email_domain_needs_an_explicit_tick(string domain, string warning)
    {
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var refused = await staff.SubmitFormAsync("/staff/email-domains", Html.Form(("Input.Domain", domain)), "form[action*='handler=Add']");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        Assert.StartsWith(warning, Assert.Single(page.ErrorSummary()), StringComparison.Ordinal);
        Assert.False(await _portal.WithDbAsync(db => db.AllowedEmailDomains.AnyAsync(d => d.Domain == domain)));

        var ticked = await staff.PostFormAsync(
            (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form[action*='handler=Add']")!,
            Html.Form(("Input.Domain", domain), ("Input.AllowPersonal", "true")), "/staff/email-domains");
        Assert.Equal("/staff/email-domains", AccountTestData.RedirectPath(ticked));
        Assert.True(await _portal.WithDbAsync(db => db.AllowedEmailDomains.AnyAsync(d => d.Domain == domain)));
    }

    [Fact]
    public async Task A_work_domain_is_added_without_the_personal_mail_question()
    {
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var page = await staff.GetPageAsync("/staff/email-domains");
        Assert.Null(page.QuerySelector("#Input_AllowPersonal"));
        var added = await staff.SubmitFormAsync("/staff/email-domains", Html.Form(("Input.Domain", "leeds.gov.uk")), "form[action*='handler=Add']");
        Assert.Equal("/staff/email-domains", AccountTestData.RedirectPath(added));
    }

    [Fact]
    public async Task Ground_rules_are_published_linked_and_edited_by_staff_with_an_audit_entry()
    {
        var anonymous = _portal.CreateBrowserClient();
        var published = await anonymous.GetPageAsync("/ground-rules");
        Assert.Contains("Be respectful and kind", published.MainText(), StringComparison.Ordinal);
        Assert.NotEmpty(published.QuerySelectorAll("main ul li"));
        Assert.NotNull(published.QuerySelector("footer a[href='/ground-rules']"));

        await _portal.CreateUserAsync("rules.reader@test.nhs.uk", "Rules Reader");
        var applicant = await _portal.SignedInClientAsync("rules.reader@test.nhs.uk");
        var join = await applicant.GetPageAsync($"/communities/{DemoData.PractitionersSlug}/join");
        Assert.NotNull(join.QuerySelector("main form a[href='/ground-rules']"));
        var member = await _portal.SignedInClientAsync(DemoData.MemberEmail);

        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var empty = await staff.SubmitFormAsync("/staff/ground-rules", Html.Form(("Input.Text", "  ")));
        Assert.Equal(["Enter the ground rules"], (await Html.ParseAsync(empty)).ErrorSummary());
        var tooLong = await staff.SubmitFormAsync("/staff/ground-rules", Html.Form(("Input.Text", new string('x', GroundRules.MaxLength + 1))));
        Assert.Equal(["Ground rules must be 10,000 characters or fewer"], (await Html.ParseAsync(tooLong)).ErrorSummary());

        var saved = await staff.SubmitFormAsync("/staff/ground-rules", Html.Form(("Input.Text", "Be kind.\n\n- Listen\n- Share")));
        Assert.Equal("/staff", AccountTestData.RedirectPath(saved));
        var after = await anonymous.GetPageAsync("/ground-rules");
        Assert.Equal("Be kind.", after.QuerySelector("main p")!.TextContent.Trim());
        Assert.Equal(["Listen", "Share"], after.QuerySelectorAll("main ul li").Select(li => li.TextContent.Trim()).ToList());
        Assert.True(await _portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "GroundRules" && a.Action == "Modified" && a.Changes!.Contains("Listen"))));

        // The audit log names the change in plain words, with the time as the rest of the portal shows times.
        var audit = (await staff.GetPageAsync("/staff/audit?entity=GroundRules")).MainText();
        Assert.Contains("Updated by", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("UpdatedById", audit, StringComparison.Ordinal);
        Assert.DoesNotContain(_portal.Clock.GetUtcNow().ToString("yyyy-MM-ddTHH", System.Globalization.CultureInfo.InvariantCulture), audit, StringComparison.Ordinal);
        Assert.Contains($"{CopPortal.Domain.Time.LondonTime.DateTime(_portal.Clock.GetUtcNow())}", audit, StringComparison.Ordinal);

        // Members cannot edit them.
        Assert.Equal(HttpStatusCode.Redirect, (await member.GetAsync("/staff/ground-rules")).StatusCode);
    }

    [Fact]
    public async Task Join_form_says_answers_came_from_the_profile_only_when_they_did()
    {
        // A new account with nothing in its profile yet.
        var user = await _portal.CreateUserAsync("new.person@test.nhs.uk", "New Person");
        await _portal.WithDbAsync(async db =>
        {
            var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
            stored.Region = null;
            stored.Organisation = null;
            await db.SaveChangesAsync();
        });
        var newcomer = await _portal.SignedInClientAsync("new.person@test.nhs.uk");
        var empty = await newcomer.GetPageAsync($"/communities/{DemoData.PractitionersSlug}/join");
        Assert.DoesNotContain("We have filled in", empty.MainText(), StringComparison.Ordinal);
        var link = empty.QuerySelectorAll("main a").Single(a => a.TextContent == "Complete your profile").GetAttribute("href");
        Assert.Equal($"/account/profile?returnUrl={Uri.EscapeDataString($"/communities/{DemoData.PractitionersSlug}/join")}", link);

        // Saving the profile from there goes back to the join form, now filled in.
        var profession = await _portal.WithDbAsync(db => db.Professions.Where(p => p.Abbreviation == "PWP").Select(p => p.Id).SingleAsync());
        var saved = await newcomer.SubmitFormAsync(link!, Html.Form(("Input.DisplayName", "New Person"), ("Input.ProfessionId", profession.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Input.Region", "Midlands")));
        Assert.Equal($"/communities/{DemoData.PractitionersSlug}/join", AccountTestData.RedirectPath(saved));
        Assert.Contains("We have filled in some answers from your profile", (await newcomer.GetPageAsync($"/communities/{DemoData.PractitionersSlug}/join")).MainText(), StringComparison.Ordinal);

        // Another site's address is not followed.
        var elsewhere = await newcomer.SubmitFormAsync("/account/profile?returnUrl=https%3A%2F%2Fevil.example", Html.Form(("Input.DisplayName", "New Person"), ("Input.ProfessionId", profession.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Input.Region", "Midlands")));
        Assert.Equal("/account/profile", AccountTestData.RedirectPath(elsewhere));
    }

    [Fact]
    public async Task Confirming_an_email_address_leads_to_completing_the_profile_then_home()
    {
        Assert.Equal("/account/profile?welcome=true", Pages.Account.ConfirmEmailModel.AfterSignIn);
        var user = await _portal.CreateUserAsync("welcome.person@test.nhs.uk", "Welcome Person");
        var client = _portal.CreateBrowserClient();
        var signIn = await client.SubmitFormAsync("/account/sign-in?returnUrl=" + Uri.EscapeDataString(Pages.Account.ConfirmEmailModel.AfterSignIn), Html.Form(("Input.Email", user.Email!), ("Input.Password", PortalFactory.DemoPassword)));
        Assert.Equal("/account/profile?welcome=true", AccountTestData.RedirectPath(signIn));
        var welcome = await client.GetPageAsync("/account/profile?welcome=true");
        Assert.Equal("Complete your profile", welcome.QuerySelector("h1")!.TextContent.Trim());
        var profession = await _portal.WithDbAsync(db => db.Professions.Select(p => p.Id).FirstAsync());
        var saved = await client.SubmitFormAsync("/account/profile?welcome=true", Html.Form(("Input.DisplayName", "Welcome Person"), ("Input.ProfessionId", profession.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Input.Region", "Midlands")));
        Assert.Equal("/my", AccountTestData.RedirectPath(saved));
    }

    [Theory]
    [InlineData("InformationRequestedById", "Information requested by")]
    [InlineData("InformationRequestedAt", "Information requested at")]
    [InlineData("CommunityId", "Community")]
    [InlineData("DisplayName", "Display name")]
    public void Staff_pages_show_property_names_in_plain_words(string name, string label) =>
        Assert.Equal(label, CopPortal.Web.Infrastructure.StaffDisplay.Property(name));

    [Fact]
    public void Staff_pages_show_email_kinds_and_stored_times_in_plain_words()
    {
        Assert.Equal("Join request: information requested", CopPortal.Web.Infrastructure.StaffDisplay.MessageKind("join-request.information-requested"));
        Assert.Equal("3 December 2026 at 2:05pm", CopPortal.Web.Infrastructure.StaffDisplay.Value("2026-12-03T14:05:00+00:00"));
        Assert.Equal("1 July 2026 at 3:05pm", CopPortal.Web.Infrastructure.StaffDisplay.Value("2026-07-01T14:05:00Z"));
        Assert.Equal("nhs.uk", CopPortal.Web.Infrastructure.StaffDisplay.Value("nhs.uk"));
    }

    private static int CountOf(string text, string phrase)
    {
        var count = 0;
        for (var i = text.IndexOf(phrase, StringComparison.Ordinal); i >= 0; i = text.IndexOf(phrase, i + phrase.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    public void Dispose() => _portal.Dispose();
}
