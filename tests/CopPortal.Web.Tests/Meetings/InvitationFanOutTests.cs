using System.Net;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Meetings;
using CopPortal.Domain.Messaging;
using CopPortal.Domain.People;
using CopPortal.Web.Infrastructure.Database;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopPortal.Web.Tests.Meetings;

/// <summary>
/// Invitations to every member go through one durable run per meeting change, expanded in the background: the
/// request writes O(1) rows, and each member gets exactly one message per run, even with two instances expanding
/// at once or the expansion run twice.
/// </summary>
public sealed class InvitationFanOutTests(SharedPortal shared) : IClassFixture<SharedPortal>, IAsyncLifetime
{
    private const string Slug = DemoData.PractitionersSlug;
    private readonly PortalFactory _portal = shared.Fresh();
    private int _demoMeetingsUpTo;

    public async Task InitializeAsync() =>
        _demoMeetingsUpTo = await _portal.WithDbAsync(db => db.Meetings.MaxAsync(m => (int?)m.Id)) ?? 0;

    public Task DisposeAsync() => Task.CompletedTask;

    private static Dictionary<string, string> MeetingForm(string repeat = "once") => Html.Form(
        ("Input.Title", "Big meeting"),
        ("Input.SessionType", nameof(MeetingSessionType.Regular)),
        ("Input.Date.Day", "12"), ("Input.Date.Month", "1"), ("Input.Date.Year", "2027"),
        ("Input.StartTime", "14:00"), ("Input.EndTime", "16:00"),
        ("Input.Mode", nameof(MeetingMode.Online)),
        ("Input.JoinUrl", "https://teams.example.com/l/meetup-join/abc"),
        ("Input.Repeat", repeat));

    private async Task AddCrowdAsync(int crowd)
    {
        await _portal.WithDbAsync(async db =>
        {
            var community = await db.Communities.SingleAsync(c => c.Slug == Slug);
            var now = _portal.Clock.GetUtcNow();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = 0; i < crowd; i++)
            {
                var user = new PortalUser { Id = $"crowd-{i}", UserName = $"crowd{i}@example.nhs.uk", Email = $"crowd{i}@example.nhs.uk", DisplayName = $"Crowd {i}", CreatedAt = now };
                db.Users.Add(user);
                db.Memberships.Add(new CommunityMembership { CommunityId = community.Id, UserId = user.Id, JoinedAt = now });
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        });
    }

    private Task<List<string>> MemberIdsAsync() =>
        _portal.WithDbAsync(db => db.Memberships.Where(m => m.Community!.Slug == Slug && m.User!.Email != null && m.User.ClosedAt == null).Select(m => m.UserId).OrderBy(u => u).ToListAsync());

    private Task<List<OutboxMessage>> MailAsync(string kind) =>
        _portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == kind).ToListAsync());

    private static void EachMemberOnce(List<string> members, List<OutboxMessage> mail, string method, int sequence, string uid)
    {
        Assert.Equal(members, mail.Select(m => m.UserId!).OrderBy(u => u, StringComparer.Ordinal).ToList());
        // Parsing every one of 15,000 calendars would be slow; the same code writes each, so a spread is checked.
        foreach (var message in mail.Where((_, i) => i % 997 == 0).Append(mail[^1]))
        {
            var calendar = Calendar.Load(message.CalendarAttachment!)!;
            Assert.Equal(method, calendar.Method);
            Assert.Equal(sequence, calendar.Events.Single().Sequence);
            Assert.Equal(uid, calendar.Events.Single().Uid);
            Assert.Equal("mailto:" + message.ToAddress, Assert.Single(calendar.Events.Single().Attendees).Value!.ToString());
        }
    }

    [Fact]
    public async Task Scheduling_for_15000_members_writes_one_run_and_the_background_sends_each_member_one_invitation_update_and_cancellation()
    {
        await AddCrowdAsync(15_000);
        var members = await MemberIdsAsync();
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);

        Assert.Equal(HttpStatusCode.Redirect, (await secretary.SubmitFormAsync($"/communities/{Slug}/meetings/new", MeetingForm())).StatusCode);
        var meeting = await _portal.WithDbAsync(db => db.Meetings.SingleAsync(m => m.Id > _demoMeetingsUpTo));
        // O(1): the meeting and one run; no message yet.
        Assert.Equal(0, await _portal.WithDbAsync(db => db.OutboxMessages.CountAsync()));
        Assert.Equal(1, await _portal.WithDbAsync(db => db.MeetingInvitationRuns.CountAsync()));

        Assert.Equal(members.Count, await _portal.ExpandMeetingInvitationsAsync());
        EachMemberOnce(members, await MailAsync(MeetingInvitations.InvitationEmail), "REQUEST", 0, meeting.CalendarUid);
        // Running it again sends nothing more.
        Assert.Equal(0, await _portal.ExpandMeetingInvitationsAsync());
        Assert.Equal(members.Count, (await MailAsync(MeetingInvitations.InvitationEmail)).Count);

        var edit = await secretary.SubmitFormAsync($"/communities/{Slug}/meetings/{meeting.Id}/edit", Html.Form(("Input.StartTime", "10:00"), ("Input.EndTime", "11:30")));
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Empty(await MailAsync(MeetingInvitations.UpdateEmail));
        await _portal.ExpandMeetingInvitationsAsync();
        await _portal.ExpandMeetingInvitationsAsync();
        EachMemberOnce(members, await MailAsync(MeetingInvitations.UpdateEmail), "REQUEST", 1, meeting.CalendarUid);

        var cancel = await secretary.SubmitFormAsync($"/communities/{Slug}/meetings/{meeting.Id}/cancel", Html.Form(("Input.Reason", "The room flooded")));
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        Assert.Empty(await MailAsync(MeetingInvitations.CancellationEmail));
        await _portal.ExpandMeetingInvitationsAsync();
        await _portal.ExpandMeetingInvitationsAsync();
        EachMemberOnce(members, await MailAsync(MeetingInvitations.CancellationEmail), "CANCEL", 2, meeting.CalendarUid);
        Assert.Equal(0, await _portal.WithDbAsync(db => db.MeetingInvitationRuns.CountAsync(r => r.CompletedAt == null)));
    }

    [Fact]
    public async Task Two_instances_expanding_a_series_at_once_queue_each_invitation_exactly_once()
    {
        await AddCrowdAsync(1_200);
        var members = await MemberIdsAsync();
        var chair = await _portal.SignedInClientAsync(DemoData.ChairEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await chair.SubmitFormAsync($"/communities/{Slug}/meetings/new", MeetingForm("terms"))).StatusCode);
        var uids = await _portal.WithDbAsync(db => db.Meetings.Where(m => m.Id > _demoMeetingsUpTo).Select(m => m.CalendarUid).ToListAsync());
        Assert.Equal(4, uids.Count);

        // Small batches, so the two instances interleave over many transactions.
        var queued = await Task.WhenAll(
            Task.Run(() => _portal.ExpandMeetingInvitationsAsync("instance-a", batchSize: 100)),
            Task.Run(() => _portal.ExpandMeetingInvitationsAsync("instance-b", batchSize: 100)));
        await _portal.ExpandMeetingInvitationsAsync("instance-c");

        Assert.Equal(4 * members.Count, queued.Sum());
        var mail = await MailAsync(MeetingInvitations.InvitationEmail);
        var perMemberAndMeeting = mail.GroupBy(m => (m.UserId, Calendar.Load(m.CalendarAttachment!)!.Events.Single().Uid)).ToList();
        Assert.Equal(4 * members.Count, perMemberAndMeeting.Count);
        Assert.All(perMemberAndMeeting, g => Assert.Single(g));
    }

    [Fact]
    public async Task A_run_another_instance_holds_is_left_alone_until_its_lease_runs_out_then_carried_on_from_its_cursor()
    {
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        await secretary.SubmitFormAsync($"/communities/{Slug}/meetings/new", MeetingForm());
        var members = await _portal.WithDbAsync(db => db.Memberships.Where(m => m.Community!.Slug == Slug && m.User!.Email != null).OrderBy(m => m.Id).Select(m => new { m.Id, m.UserId }).ToListAsync());
        // Another instance claimed the run and had queued the first two members' messages before it died.
        var now = _portal.Clock.GetUtcNow();
        await _portal.WithDbAsync(db => db.MeetingInvitationRuns.ExecuteUpdateAsync(s => s
            .SetProperty(r => r.LockedBy, "crashed-instance")
            .SetProperty(r => r.LockedUntil, now.AddMinutes(5))
            .SetProperty(r => r.LastMembershipId, members[1].Id)));

        Assert.Equal(0, await _portal.ExpandMeetingInvitationsAsync());
        _portal.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(members.Count - 2, await _portal.ExpandMeetingInvitationsAsync());
        var invited = (await MailAsync(MeetingInvitations.InvitationEmail)).Select(m => m.UserId!).ToHashSet();
        Assert.Equal(members.Skip(2).Select(m => m.UserId).ToHashSet(), invited);
    }

    [Fact]
    public async Task An_invitation_overtaken_by_a_change_before_it_went_out_is_not_sent_only_the_update()
    {
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        await secretary.SubmitFormAsync($"/communities/{Slug}/meetings/new", MeetingForm());
        var id = await _portal.WithDbAsync(db => db.Meetings.Where(m => m.Id > _demoMeetingsUpTo).Select(m => m.Id).SingleAsync());
        await secretary.SubmitFormAsync($"/communities/{Slug}/meetings/{id}/edit", Html.Form(("Input.StartTime", "10:00"), ("Input.EndTime", "11:30")));

        await _portal.ExpandMeetingInvitationsAsync();
        Assert.Empty(await MailAsync(MeetingInvitations.InvitationEmail));
        var updates = await MailAsync(MeetingInvitations.UpdateEmail);
        Assert.Equal(await MemberIdsAsync(), updates.Select(m => m.UserId!).OrderBy(u => u, StringComparer.Ordinal).ToList());
        Assert.All(updates, m => Assert.Equal(1, Calendar.Load(m.CalendarAttachment!)!.Events.Single().Sequence));
    }

    [Fact]
    public async Task A_member_who_joins_before_the_run_is_expanded_is_invited_once_by_joining_not_again_by_the_run()
    {
        var secretary = await _portal.SignedInClientAsync(DemoData.SecretaryEmail);
        await secretary.SubmitFormAsync($"/communities/{Slug}/meetings/new", MeetingForm());
        var newcomer = await _portal.CreateUserAsync("newcomer@example.nhs.uk", "New Comer");
        await _portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<Domain.Data.CopDbContext>();
            var community = await db.Communities.SingleAsync(c => c.Slug == Slug);
            db.Memberships.Add(new CommunityMembership { CommunityId = community.Id, UserId = newcomer.Id, JoinedAt = _portal.Clock.GetUtcNow() });
            await services.GetRequiredService<MeetingInvitations>().InviteNewMemberAsync(community.Id, newcomer.Id);
            await db.SaveChangesAsync();
        });

        await _portal.ExpandMeetingInvitationsAsync();
        Assert.Single(await MailAsync(MeetingInvitations.InvitationEmail), m => m.UserId == newcomer.Id);
    }
}
