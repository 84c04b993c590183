using System.Net;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Joining;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CopPortal.Domain.Links;

namespace CopPortal.Web.Tests.Directory;

internal static class DirectoryTestData
{
    public const string Practitioners = DemoData.PractitionersSlug;
    public const string Students = "assistant-psychologists-and-psychology-students";
    public const string Cppo = "chief-psychological-professions-officers";

    /// <summary>A wrong role is refused: a 403, or the sign-in cookie's redirect to the access-denied page.</summary>
    public static void AssertForbidden(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        Assert.True(
            response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && location.Contains(PortalPaths.AccessDenied, StringComparison.Ordinal)),
            $"Expected 403, got {(int)response.StatusCode} {location}");
    }

    public static void AssertSignInRedirect(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(PortalPaths.SignIn, response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    public static Task UpdateCommunityAsync(this PortalFactory portal, string slug, Action<Community> change) =>
        portal.WithDbAsync(async db =>
        {
            var community = await db.Communities.FirstAsync(c => c.Slug == slug);
            change(community);
            await db.SaveChangesAsync();
        });

    public static Task<Community> CommunityAsync(this PortalFactory portal, string slug) =>
        portal.WithDbAsync(db => db.Communities.AsNoTracking().FirstAsync(c => c.Slug == slug));

    /// <summary>Publishes a new ToR version through the real service, as the demo data does.</summary>
    public static Task PublishTermsAsync(this PortalFactory portal, string slug, Action<TermsVersion> change, DateOnly? reviewDueOn = null) =>
        portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<CopDbContext>();
            var terms = services.GetRequiredService<TermsService>();
            var community = await db.Communities.FirstAsync(c => c.Slug == slug);
            var current = await db.TermsVersions.AsNoTracking().FirstAsync(t => t.CommunityId == community.Id && t.VersionNumber == community.CurrentTermsVersion);
            change(current);
            await terms.PublishAsync(community, current, reviewDueOn ?? current.ReviewDueOn, "Changed by a test.", null);
            await db.SaveChangesAsync();
        });

    /// <summary>Adds an open join request the way the joining flow will, straight into the table.</summary>
    public static Task AddJoinRequestAsync(this PortalFactory portal, string slug, string email, JoinRequestStatus status) =>
        portal.WithDbAsync(async db =>
        {
            var community = await db.Communities.FirstAsync(c => c.Slug == slug);
            var user = await db.Users.FirstAsync(u => u.Email == email);
            var version = await db.TermsVersions.FirstAsync(t => t.CommunityId == community.Id && t.VersionNumber == community.CurrentTermsVersion);
            db.JoinRequests.Add(new JoinRequest
            {
                CommunityId = community.Id,
                ApplicantId = user.Id,
                TermsVersionId = version.Id,
                Status = status,
                SubmittedAt = portal.Clock.GetUtcNow(),
                SubmittedWeekOf = new DateOnly(2026, 11, 16),
            });
            await db.SaveChangesAsync();
        });
}
