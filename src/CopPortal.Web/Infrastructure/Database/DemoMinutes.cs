using CopPortal.Domain.Actions;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Data;
using CopPortal.Domain.Meetings;
using CopPortal.Domain.Minutes;
using CopPortal.Domain.People;
using CopPortal.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Infrastructure.Database;

/// <summary>
/// Agendas and minutes for the demo: the practitioners' held meetings get a published agenda (from the formal
/// template) and minutes in every state of the workflow, with key points, decisions and actions that are open, done
/// and overdue. Held meetings are found by query (the participation demo decides how many there are); when there are
/// fewer than states, earlier quarterly meetings are added. Meetings that already have minutes are left alone, so
/// loading twice adds nothing. Written directly through SaveChanges (audited, no emails: the people are fictional).
/// </summary>
public static class DemoMinutes
{
    /// <summary>Oldest meeting first: older minutes are further along; the latest meeting's are still a draft.</summary>
    private static readonly MinutesStatus[] States =
        [MinutesStatus.Published, MinutesStatus.Approved, MinutesStatus.Returned, MinutesStatus.Published, MinutesStatus.Submitted, MinutesStatus.Draft];

    /// <summary>Which of the states above is the published one shared with the Workforce Council.</summary>
    private const int SharedIndex = 3;

    public static async Task LoadAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<CopDbContext>();
        var minutesService = services.GetRequiredService<MinutesService>();
        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var community = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == DemoData.PractitionersSlug && c.Status == CommunityStatus.Active);
        var people = await db.Users.AsNoTracking()
            .Where(u => u.Email == DemoData.ChairEmail || u.Email == DemoData.SecretaryEmail || u.Email == DemoData.MemberEmail)
            .ToDictionaryAsync(u => u.Email!);
        if (community is null || people.Count < 3 || await db.MeetingMinutes.AnyAsync(m => m.CommunityId == community.Id))
        {
            return;
        }
        var chair = people[DemoData.ChairEmail];
        var secretary = people[DemoData.SecretaryEmail];
        var member = people[DemoData.MemberEmail];

        var held = await db.Meetings.AsNoTracking()
            .Where(m => m.CommunityId == community.Id && m.CancelledAt == null && m.EndsAt <= now)
            .OrderBy(m => m.StartsAt)
            .ToListAsync();
        held = held.TakeLast(States.Length).ToList();
        if (held.Count < States.Length)
        {
            held.InsertRange(0, await EarlierMeetingsAsync(db, community.Id, held.FirstOrDefault()?.StartsAt ?? now.AddDays(-14), States.Length - held.Count));
        }

        var template = await db.AgendaTemplates.AsNoTracking().Include(t => t.Items).FirstAsync(t => t.Name == AgendaTemplates.Formal);
        var today = LondonTime.Today(clock);
        for (var i = 0; i < held.Count; i++)
        {
            var meeting = held[i];
            var state = States[i];
            var start = meeting.StartsAt;

            var agenda = minutesService.NewAgenda(meeting, template, secretary.Id);
            agenda.CreatedAt = agenda.UpdatedAt = start.AddDays(-14);
            agenda.PublishedAt = start.AddDays(-7);
            agenda.PublishedById = secretary.Id;
            var main = agenda.Items.First(item => item.Title == "Main item");
            main.Title = meeting.Title;
            main.Lead = chair.DisplayName;
            db.Agendas.Add(agenda);

            var minutes = minutesService.NewMinutes(meeting, agenda, secretary.Id, secretary.DisplayName);
            minutes.ChairedBy = chair.DisplayName;
            minutes.CreatedAt = start.AddHours(3);
            minutes.UpdatedAt = start.AddDays(2);
            minutes.Status = state;
            foreach (var item in minutes.Items)
            {
                (item.KeyPoints, item.Decisions) = Notes(item, meeting.Title);
            }
            minutes.OtherNotes = state == MinutesStatus.Draft ? null : "No other business. The next meeting will be online, on Teams.";
            if (state != MinutesStatus.Draft)
            {
                minutes.SubmittedAt = start.AddDays(2);
            }
            if (state == MinutesStatus.Returned)
            {
                minutes.ReturnedAt = start.AddDays(4);
                minutes.ReturnedByName = chair.DisplayName;
                minutes.ReturnComment = "Please add who agreed to lead the survey, and the date of the next meeting.";
            }
            if (state is MinutesStatus.Approved or MinutesStatus.Published)
            {
                minutes.ApprovedAt = start.AddDays(5);
                minutes.ApprovedById = chair.Id;
                minutes.ApprovedByName = chair.DisplayName;
            }
            if (state == MinutesStatus.Published)
            {
                minutes.PublishedAt = start.AddDays(6);
                minutes.PublishedById = secretary.Id;
                minutes.SharedWithCouncilAt = i == SharedIndex ? start.AddDays(7) : null;
            }
            db.MeetingMinutes.Add(minutes);

            // Actions: earlier meetings' are done or overdue by now, the latest ones' still open and due later.
            var final = state is MinutesStatus.Approved or MinutesStatus.Published;
            var first = final && i < SharedIndex ? ActionStatus.Done : ActionStatus.Open;
            db.Actions.Add(Action(community.Id, meeting, $"Write up the key messages from \"{meeting.Title}\" for the newsletter", member, DateOnly.FromDateTime(start.UtcDateTime).AddDays(21), first, chair.Id));
            db.Actions.Add(Action(community.Id, meeting, $"Invite a speaker for the session after \"{meeting.Title}\"", chair,
                final ? today.AddDays(-3 - i) : today.AddDays(14 + i), ActionStatus.Open, chair.Id));
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    /// <summary>Quarterly meetings before the first held one, as many as are missing, oldest first.</summary>
    private static async Task<List<Meeting>> EarlierMeetingsAsync(CopDbContext db, int communityId, DateTimeOffset before, int count)
    {
        var members = await db.Memberships.AsNoTracking().Where(m => m.CommunityId == communityId)
            .OrderBy(m => m.User!.DisplayName).Select(m => new { m.UserId, m.User!.DisplayName }).Take(40).ToListAsync();
        var added = new List<Meeting>();
        for (var k = count; k >= 1; k--)
        {
            var start = before.AddMonths(-3 * k);
            var meeting = new Meeting
            {
                CommunityId = communityId,
                Title = k % 2 == 0 ? "Practitioner wellbeing and supervision" : "Spotlight: working with long-term conditions",
                SessionType = k % 2 == 0 ? MeetingSessionType.Regular : MeetingSessionType.Spotlight,
                Mode = MeetingMode.Online,
                JoinUrl = "https://teams.microsoft.com/l/meetup-join/demo-practitioners-earlier-" + k,
                StartsAt = start,
                EndsAt = start.AddHours(2),
                CalendarUid = $"demo-practitioners-earlier-{k}@copportal",
                CreatedAt = start.AddDays(-60),
                UpdatedAt = start.AddHours(3),
                AttendanceRecordedAt = start.AddHours(3),
            };
            for (var i = 0; i < members.Count; i++)
            {
                meeting.Attendance.Add(new MeetingAttendance { UserId = members[i].UserId, Name = members[i].DisplayName, Status = (i + k) % 6 == 0 ? AttendanceStatus.Apologies : AttendanceStatus.Attended });
            }
            db.Meetings.Add(meeting);
            added.Add(meeting);
        }
        await db.SaveChangesAsync();
        return added;
    }

    private static (string? KeyPoints, string? Decisions) Notes(MinutesItem item, string meetingTitle) => item.Position switch
    {
        1 => ("The chair welcomed everyone, including two members attending for the first time.", null),
        2 => (null, "The minutes of the last meeting were agreed as a true record."),
        3 => ("Progress on open actions was reviewed; open ones carry forward.", null),
        4 => ("- The network's workforce survey closes at the end of the month.\n- The Workforce Council asked communities for examples of supervision models.", null),
        5 => ($"Members discussed **{meetingTitle}**: what works in their services, and where practitioners need more support.",
            "Run a short survey of members about supervision arrangements."),
        6 => ("Members agreed to advise the Workforce Council about variation in protected supervision time.", "Raise one Advise point with the Workforce Council."),
        _ => (item.IsMattersArising ? null : "No other business.", null),
    };

    private static CommunityAction Action(int communityId, Meeting meeting, string description, PortalUser owner, DateOnly due, ActionStatus status, string createdBy) => new()
    {
        CommunityId = communityId,
        MeetingId = meeting.Id,
        Description = description,
        OwnerUserId = owner.Id,
        OwnerName = owner.DisplayName,
        DueOn = due,
        Status = status,
        CreatedAt = meeting.StartsAt.AddDays(2),
        CreatedById = createdBy,
        UpdatedAt = meeting.StartsAt.AddDays(2),
        ClosedAt = status == ActionStatus.Open ? null : meeting.StartsAt.AddDays(20),
    };
}
