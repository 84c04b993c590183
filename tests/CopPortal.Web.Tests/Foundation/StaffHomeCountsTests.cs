using CopPortal.Domain.Communities;
using CopPortal.Domain.Joining;
using CopPortal.Domain.Links;
using CopPortal.Domain.Messaging;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Tests.Foundation;

/// <summary>
/// The staff home page's counts are cached (four COUNT queries on every view made it the slowest page): a change
/// this app saves shows at once; one made by another server (a bulk update here) shows within JoinQueueCounts.MaxAge.
/// </summary>
public sealed class StaffHomeCountsTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    private async Task<List<string>> CountsAsync(HttpClient staff) =>
        (await staff.GetPageAsync(PortalPaths.My)).QuerySelectorAll(".app-home-counts li").Select(li => li.TextContent.Trim()).ToList();

    private async Task<Guid> AddEmailAsync(OutboxStatus status)
    {
        var message = new OutboxMessage { Id = Guid.NewGuid(), Kind = "test", ToAddress = "x@nhs.uk", ToName = "X", Subject = "S", TextBody = "B", Status = status, CreatedAt = _portal.Clock.GetUtcNow(), NextAttemptAt = _portal.Clock.GetUtcNow() };
        await _portal.WithDbAsync(async db =>
        {
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
        });
        return message.Id;
    }

    [Fact]
    public async Task Counts_change_as_soon_as_this_app_saves_a_request_proposal_or_email()
    {
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var open = await _portal.WithDbAsync(db => db.JoinRequests.CountAsync(r => r.InQueue == 1));
        var proposals = await _portal.WithDbAsync(db => db.Proposals.CountAsync(p => p.Status == ProposalStatus.Pending));
        var before = await CountsAsync(staff);
        Assert.StartsWith($"{open} join requests waiting", before[0], StringComparison.Ordinal);

        await _portal.WithDbAsync(async db =>
        {
            var request = await db.JoinRequests.Where(JoinRequest.InQueueFilter).OrderBy(r => r.Id).FirstAsync();
            request.Status = JoinRequestStatus.Withdrawn;
            var proposer = await db.Users.FirstAsync(u => u.Email == DemoData.MemberEmail);
            db.Proposals.Add(new CommunityProposal { ProposerId = proposer.Id, Name = "Counted proposal", WhoFor = "x", Purpose = "x", WhyNoExistingFits = "x", SubmittedAt = _portal.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        });
        var afterChanges = await CountsAsync(staff);
        Assert.StartsWith($"{open - 1} join requests waiting", afterChanges[0], StringComparison.Ordinal);
        Assert.StartsWith($"{proposals + 1} proposal", afterChanges[1], StringComparison.Ordinal);

        // An email is not audited, but it is counted: saving one drops the counts too.
        await AddEmailAsync(OutboxStatus.Failed);
        Assert.StartsWith("1 email that failed to send", (await CountsAsync(staff))[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counts_are_served_from_memory_until_MaxAge_when_another_server_changes_the_data()
    {
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        var id = await AddEmailAsync(OutboxStatus.Pending);
        Assert.StartsWith("0 emails that failed to send", (await CountsAsync(staff))[2], StringComparison.Ordinal);

        // As another server's dispatcher would: a bulk update this app's SaveChanges never sees.
        await _portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Failed)));
        Assert.StartsWith("0 emails that failed to send", (await CountsAsync(staff))[2], StringComparison.Ordinal);
        _portal.Clock.Advance(JoinQueueCounts.MaxAge);
        Assert.StartsWith("1 email that failed to send", (await CountsAsync(staff))[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trying_all_failed_emails_again_clears_the_count_at_once()
    {
        await AddEmailAsync(OutboxStatus.Failed);
        var staff = await _portal.SignedInClientAsync(DemoData.StaffEmail);
        Assert.StartsWith("1 email that failed to send", (await CountsAsync(staff))[2], StringComparison.Ordinal);
        await staff.SubmitFormAsync(PortalPaths.StaffOutbox, [], "form[action*='handler=RequeueFailed']");
        Assert.StartsWith("0 emails that failed to send", (await CountsAsync(staff))[2], StringComparison.Ordinal);
    }
}
