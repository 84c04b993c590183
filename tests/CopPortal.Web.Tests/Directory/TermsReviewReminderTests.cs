using CopPortal.Domain.Communities;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CopPortal.Domain.Links;

namespace CopPortal.Web.Tests.Directory;

public sealed class TermsReviewReminderTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    private async Task<int> RunAsync()
    {
        var count = 0;
        await _portal.WithServicesAsync(async services =>
            count = await services.GetRequiredService<TermsReviewReminders>().QueueDueAsync());
        return count;
    }

    [Fact]
    public async Task QueueDue_sends_nothing_while_reviews_are_more_than_30_days_away()
    {
        // Demo ToRs are due 10 months after 18 November 2026.
        Assert.Equal(0, await RunAsync());
        Assert.Empty(await _portal.OutboxAsync());
    }

    [Fact]
    public async Task QueueDue_emails_the_chair_30_days_before_once_only()
    {
        await _portal.PublishTermsAsync(DirectoryTestData.Practitioners, _ => { }, new DateOnly(2027, 1, 20));
        _portal.Clock.Set(new DateTimeOffset(2026, 12, 20, 6, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await RunAsync());

        _portal.Clock.Set(new DateTimeOffset(2026, 12, 21, 6, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await RunAsync());
        var mail = Assert.Single(await _portal.OutboxAsync());
        Assert.Equal(DemoData.ChairEmail, mail.ToAddress);
        Assert.Equal("Terms of Reference review due: Psychological Practitioners", mail.Subject);
        Assert.Contains("due for their annual review by 20 January 2027", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("http://localhost/communities/psychological-practitioners/terms/edit", mail.TextBody, StringComparison.Ordinal);

        _portal.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await RunAsync());
        Assert.Single(await _portal.OutboxAsync());
        var sentAt = await _portal.WithDbAsync(db => db.TermsVersions.Where(t => t.Community!.Slug == DirectoryTestData.Practitioners && t.VersionNumber == 2).Select(t => t.ReviewReminderSentAt).SingleAsync());
        Assert.NotNull(sentAt);
    }

    [Fact]
    public async Task QueueDue_emails_staff_when_there_is_no_chair_and_skips_archived()
    {
        await _portal.PublishTermsAsync(DirectoryTestData.Cppo, _ => { }, new DateOnly(2026, 12, 1));
        await _portal.PublishTermsAsync(DirectoryTestData.Students, _ => { }, new DateOnly(2026, 12, 1));
        await _portal.UpdateCommunityAsync(DirectoryTestData.Students, c => c.Status = CommunityStatus.Archived);
        Assert.Equal(1, await RunAsync());
        var mail = Assert.Single(await _portal.OutboxAsync());
        Assert.Equal(DemoData.StaffEmail, mail.ToAddress);
        Assert.Equal("Terms of Reference review due: Chief Psychological Professions Officers", mail.Subject);
        Assert.Contains("has no chair, so this reminder has come to the network team", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueueDue_a_new_version_with_a_new_date_is_reminded_again_when_it_falls_due()
    {
        await _portal.PublishTermsAsync(DirectoryTestData.Practitioners, _ => { }, new DateOnly(2026, 12, 1));
        Assert.Equal(1, await RunAsync());
        await _portal.PublishTermsAsync(DirectoryTestData.Practitioners, _ => { }, new DateOnly(2027, 3, 1));
        Assert.Equal(0, await RunAsync());
        _portal.Clock.Set(new DateTimeOffset(2027, 1, 30, 6, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await RunAsync());
        Assert.Equal(2, (await _portal.OutboxAsync()).Count);
    }

    [Fact]
    public async Task Get_staff_communities_lists_reviews_due_within_30_days_and_overdue()
    {
        await _portal.PublishTermsAsync(DirectoryTestData.Practitioners, _ => { }, new DateOnly(2026, 12, 10));
        await _portal.PublishTermsAsync(DirectoryTestData.Cppo, _ => { }, new DateOnly(2026, 12, 31));
        await _portal.WithDbAsync(async db =>
        {
            // An overdue review (dates in the past cannot be entered through the form).
            var c = await db.Communities.FirstAsync(x => x.Slug == DirectoryTestData.Students);
            c.TermsReviewDueOn = new DateOnly(2026, 11, 1);
            await db.SaveChangesAsync();
        });
        var client = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var page = await client.GetPageAsync(PortalPaths.StaffCommunities);
        var rows = page.QuerySelectorAll("#reviews + table tbody tr").Select(r => System.Text.RegularExpressions.Regex.Replace(r.CellText().Trim(), @"\s+", " ")).ToList();
        Assert.Equal(["Assistant Psychologists and Psychology Students 1 November 2026 Overdue", "Psychological Practitioners 10 December 2026 Due soon"], rows);
    }
}
