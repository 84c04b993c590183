using CopPortal.Domain.Actions;
using CopPortal.Domain.Library;
using CopPortal.Domain.Minutes;
using CopPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CopPortal.Web.Tests.Minutes.MinutesTestData;

namespace CopPortal.Web.Tests.Minutes;

/// <summary>The demo's agendas and minutes: every workflow state, actions in every state, and the library listing the published ones.</summary>
public sealed class DemoMinutesTests(SharedPortal shared) : IClassFixture<SharedPortal>
{
    private readonly PortalFactory _portal = shared.Fresh();

    [Fact]
    public async Task Demo_meetings_have_published_agendas_and_minutes_in_every_state_with_actions_open_done_and_overdue()
    {
        var minutes = await _portal.WithDbAsync(db => db.MeetingMinutes.AsNoTracking().Include(m => m.Items)
            .Where(m => m.Meeting!.Community!.Slug == Slug).OrderBy(m => m.Meeting!.StartsAt).ToListAsync());
        Assert.Equal(
            [MinutesStatus.Published, MinutesStatus.Approved, MinutesStatus.Returned, MinutesStatus.Published, MinutesStatus.Submitted, MinutesStatus.Draft],
            minutes.Select(m => m.Status));
        var now = _portal.Clock.GetUtcNow();
        var meetings = await _portal.WithDbAsync(db => db.Meetings.AsNoTracking().Where(m => minutes.Select(x => x.MeetingId).Contains(m.Id)).ToListAsync());
        Assert.All(meetings, m => Assert.True(m.EndsAt <= now, $"{m.Title} has not been held"));
        Assert.Equal(minutes.Count, await _portal.WithDbAsync(db => db.Agendas.CountAsync(a => minutes.Select(x => x.MeetingId).Contains(a.MeetingId) && a.PublishedAt != null)));

        var returned = minutes.Single(m => m.Status == MinutesStatus.Returned);
        Assert.False(string.IsNullOrWhiteSpace(returned.ReturnComment));
        Assert.NotNull(returned.ReturnedByName);
        Assert.All(minutes.Where(m => m.Status is MinutesStatus.Approved or MinutesStatus.Published), m => Assert.NotNull(m.ApprovedByName));
        Assert.Single(minutes, m => m.SharedWithCouncilAt is not null && m.Status == MinutesStatus.Published);
        Assert.All(minutes, m => Assert.Contains(m.Items, i => !string.IsNullOrWhiteSpace(i.KeyPoints)));
        Assert.Contains(minutes.SelectMany(m => m.Items), i => !string.IsNullOrWhiteSpace(i.Decisions));

        var today = CopPortal.Domain.Time.LondonTime.Today(_portal.Clock);
        var actions = await _portal.WithDbAsync(db => db.Actions.AsNoTracking().Where(a => a.MeetingId != null && minutes.Select(x => x.MeetingId).Contains(a.MeetingId.Value)).ToListAsync());
        Assert.Contains(actions, a => a.Status == ActionStatus.Done);
        Assert.Contains(actions, a => a.IsOverdueOn(today));
        Assert.Contains(actions, a => a.Status == ActionStatus.Open && !a.IsOverdueOn(today));
        Assert.All(actions, a => Assert.False(string.IsNullOrWhiteSpace(a.OwnerName)));

        // The library lists the two published minutes (and every published agenda) by themselves.
        IReadOnlyList<PublishedMeetingDocument> listed = [];
        var counted = -1;
        await _portal.WithServicesAsync(async services =>
        {
            var communityId = await services.GetRequiredService<CopPortal.Domain.Data.CopDbContext>().Communities.Where(c => c.Slug == Slug).Select(c => c.Id).FirstAsync();
            listed = await services.GetRequiredService<IPublishedMeetingDocuments>().ForCommunityAsync(communityId);
            counted = await services.GetRequiredService<IPublishedMeetingDocuments>().CountForCommunityAsync(communityId);
        });
        // The library's folder list counts them in SQL; it must agree with the list.
        Assert.Equal(listed.Count, counted);
        Assert.Equal(2, listed.Count(d => d.Kind == "Minutes"));
        Assert.Equal(minutes.Count, listed.Count(d => d.Kind == "Agenda"));
    }

    [Fact]
    public async Task Loading_the_demo_minutes_again_adds_nothing()
    {
        async Task<(int Minutes, int Agendas, int Actions, int Meetings)> CountAsync() => await _portal.WithDbAsync(async db =>
            (await db.MeetingMinutes.CountAsync(), await db.Agendas.CountAsync(), await db.Actions.CountAsync(), await db.Meetings.CountAsync()));
        var before = await CountAsync();
        await _portal.WithServicesAsync(DemoMinutes.LoadAsync);
        Assert.Equal(before, await CountAsync());
    }
}
