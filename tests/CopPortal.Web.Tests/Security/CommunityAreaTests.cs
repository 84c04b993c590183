using System.Net;
using System.Security.Claims;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Links;
using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure.Communities;
using CopPortal.Web.Infrastructure.Database;
using CopPortal.Web.Infrastructure.Security;
using CopPortal.Web.Pages.Communities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopPortal.Web.Tests.Security;

/// <summary>The community area's seam: children loaded only within their CoP, drafts, archived CoPs and per-object rules.</summary>
public sealed class CommunityAreaTests : IDisposable
{
    private const string Practitioners = DemoData.PractitionersSlug;
    private const string Other = "assistant-psychologists-and-psychology-students";
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task An_unknown_slug_is_a_404_for_every_page_and_every_user()
    {
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        foreach (var path in new[] { PortalPaths.Community("no-such-community"), PortalPaths.Terms("no-such-community"), PortalPaths.TermsEdit("no-such-community") })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await _portal.CreateBrowserClient().GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task A_terms_version_is_found_only_under_its_own_communitys_slug()
    {
        // Version 2 exists only in the practitioners' CoP; every CoP has a version 1.
        await _portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<CopDbContext>();
            var terms = services.GetRequiredService<TermsService>();
            var community = await db.Communities.FirstAsync(c => c.Slug == Practitioners);
            var current = (await terms.CurrentAsync(community.Id))!;
            await terms.PublishAsync(community, current, current.ReviewDueOn, "Second version.", null);
            await db.SaveChangesAsync();
        });
        var client = _portal.CreateBrowserClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(PortalPaths.TermsVersion(Practitioners, 2))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(PortalPaths.TermsVersion(Other, 2))).StatusCode);
    }

    [Fact]
    public async Task Another_communitys_vacancy_under_this_slug_is_a_404()
    {
        var vacancyId = await _portal.WithDbAsync(async db =>
        {
            var other = await db.Communities.FirstAsync(c => c.Slug == Other);
            var vacancy = new CoreTeamVacancy { CommunityId = other.Id, Role = CommunityRole.Secretary, Description = "x", OpenedAt = _portal.Clock.GetUtcNow() };
            db.Vacancies.Add(vacancy);
            await db.SaveChangesAsync();
            return vacancy.Id;
        });
        var client = await _portal.SignedInClientAsync(DemoData.CouncilEmail);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(PortalPaths.VacancyInterest(Other, vacancyId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(PortalPaths.VacancyInterest(Practitioners, vacancyId))).StatusCode);
    }

    [Fact]
    public async Task A_draft_is_seen_by_its_core_team_and_staff_and_is_a_404_for_its_plain_members()
    {
        await SetStatusAsync(CommunityStatus.Draft);
        Assert.Equal(HttpStatusCode.OK, (await (await _portal.SignedInClientAsync(DemoData.SecretaryEmail)).GetAsync(PortalPaths.Community(Practitioners))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await _portal.SignedInClientAsync(DemoData.StaffEmail)).GetAsync(PortalPaths.Terms(Practitioners))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await _portal.SignedInClientAsync(DemoData.MemberEmail)).GetAsync(PortalPaths.Community(Practitioners))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _portal.CreateBrowserClient().GetAsync(PortalPaths.TermsEdit(Practitioners))).StatusCode);
    }

    [Fact]
    public async Task An_archived_community_refuses_a_change_with_a_read_only_notice_and_saves_nothing()
    {
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        var form = await chair.GetPageAsync(PortalPaths.TermsEdit(Practitioners));
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await SetStatusAsync(CommunityStatus.Archived);

        var response = await chair.PostAsync(PortalPaths.TermsEdit(Practitioners), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("Input.ChangeSummary", "Archived edit"), new("Input.BasedOnVersion", "1")]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(PortalPaths.Community(Practitioners), response.Headers.Location!.OriginalString);
        var page = await chair.GetPageAsync(response.Headers.Location.OriginalString);
        Assert.Contains("is archived, so it is read-only", page.MainText(), StringComparison.Ordinal);
        Assert.Equal(1, await _portal.WithDbAsync(db => db.TermsVersions.CountAsync(t => t.Community!.Slug == Practitioners)));
    }

    [Fact]
    public void A_community_page_that_declares_no_operation_is_refused_at_once()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CommunityPageFilter.DeclaredOperation(typeof(UndeclaredPage), null));
        Assert.Contains("declares no [CommunityOperation]", error.Message, StringComparison.Ordinal);
        Assert.Equal(nameof(CommunityOperations.EditTerms), CommunityPageFilter.DeclaredOperation(typeof(TermsEditModel), null));
    }

    private sealed class UndeclaredPage : CommunityPageModel;

    private sealed record Post(int CommunityId, string? AuthorId) : ICommunityOwned;

    [Fact]
    public async Task An_item_is_edited_by_its_author_while_a_member_and_by_moderators_through_the_same_handler()
    {
        var outsider = await _portal.CreateUserAsync("writer@nhs.net", "Wren Writer");
        var (practitionersId, otherId, ids) = await _portal.WithDbAsync(async db =>
        {
            var ids = await db.Users.Where(u => u.Email != null).ToDictionaryAsync(u => u.Email!, u => u.Id);
            return ((await db.Communities.FirstAsync(c => c.Slug == Practitioners)).Id, (await db.Communities.FirstAsync(c => c.Slug == Other)).Id, ids);
        });
        var member = ids[DemoData.MemberEmail];
        async Task<bool> MayEditAsync(string userId, Post post, params string[] roles)
        {
            using var scope = _portal.Services.CreateScope();
            var authz = scope.ServiceProvider.GetRequiredService<IAuthorizationService>();
            var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "Test"));
            return (await authz.AuthorizeAsync(user, post, CommunityOperations.EditItem)).Succeeded;
        }

        Assert.True(await MayEditAsync(member, new Post(practitionersId, member)), "a member edits their own post");
        Assert.False(await MayEditAsync(member, new Post(practitionersId, ids[DemoData.ChairEmail])), "a member does not edit someone else's");
        Assert.False(await MayEditAsync(member, new Post(otherId, member)), "an author who is not (or no longer) a member of that CoP");
        Assert.False(await MayEditAsync(outsider.Id, new Post(practitionersId, outsider.Id)), "a non-member author");
        Assert.True(await MayEditAsync(ids[DemoData.SecretaryEmail], new Post(practitionersId, member)), "the core team moderates");
        Assert.True(await MayEditAsync(outsider.Id, new Post(practitionersId, member), NetworkRoles.NetworkStaff), "staff moderate");
    }

    private Task SetStatusAsync(CommunityStatus status) => _portal.WithDbAsync(async db =>
    {
        var community = await db.Communities.FirstAsync(c => c.Slug == Practitioners);
        community.Status = status;
        await db.SaveChangesAsync();
    });
}
