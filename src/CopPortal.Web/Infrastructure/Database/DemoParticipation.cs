using CopPortal.Domain.Data;
using CopPortal.Domain.Meetings;
using CopPortal.Domain.Meetings.Polls;
using Microsoft.EntityFrameworkCore;

namespace CopPortal.Web.Infrastructure.Database;

/// <summary>
/// Taking part, for the demo: the practitioners' last three quarterly meetings held, with RSVPs, attendance and
/// apologies recorded, and an open poll to find the date of the next one that a few members have answered.
/// Written directly (no emails: the people are fictional), through SaveChanges so it is audited as usual.
/// </summary>
public static class DemoParticipation
{
    public static async Task LoadAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<CopDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Slug == DemoData.PractitionersSlug);
        var members = await db.Memberships.AsNoTracking()
            .Where(m => m.CommunityId == community.Id)
            .OrderBy(m => m.User!.DisplayName)
            .Select(m => new { m.UserId, m.User!.DisplayName })
            .ToListAsync();
        var staffId = await db.Users.Where(u => u.Email == DemoData.StaffEmail).Select(u => u.Id).SingleAsync();
        var secretaryId = await db.Users.Where(u => u.Email == DemoData.SecretaryEmail).Select(u => u.Id).SingleAsync();

        // Quarterly, on the second Tuesday afternoon (2pm UK time), for the last three quarters.
        for (var quarter = 3; quarter >= 1; quarter--)
        {
            var day = SecondTuesday(DateOnly.FromDateTime(now.UtcDateTime).AddMonths(-3 * quarter));
            var start = MeetingTimes.ToUtc(day, new TimeOnly(14, 0));
            var meeting = new Meeting
            {
                CommunityId = community.Id,
                Title = quarter == 1 ? "Supervision in stepped care" : quarter == 2 ? "Spotlight: group interventions" : "Career progression for practitioners",
                SessionType = quarter == 2 ? MeetingSessionType.Spotlight : MeetingSessionType.Regular,
                Mode = MeetingMode.Online,
                JoinUrl = "https://teams.microsoft.com/l/meetup-join/demo-practitioners-" + quarter,
                StartsAt = start,
                EndsAt = start.AddHours(2),
                CalendarUid = $"demo-practitioners-held-{quarter}@copportal",
                CreatedById = staffId,
                CreatedAt = start.AddDays(-60),
                UpdatedAt = start.AddHours(3),
                AttendanceRecordedAt = start.AddHours(3),
            };
            // A steady pattern: most members attend, every fifth sends apologies, every seventh is absent.
            for (var i = 0; i < members.Count; i++)
            {
                var status = (i + quarter) % 5 == 0 ? AttendanceStatus.Apologies : (i + quarter) % 7 == 0 ? AttendanceStatus.Absent : AttendanceStatus.Attended;
                if (status != AttendanceStatus.Absent)
                {
                    meeting.Responses.Add(new MeetingResponse
                    {
                        UserId = members[i].UserId,
                        Answer = status == AttendanceStatus.Attended ? RsvpAnswer.Attending : RsvpAnswer.Apologies,
                        Message = status == AttendanceStatus.Apologies ? "Clinic clash, sorry." : null,
                        RespondedAt = start.AddDays(-7),
                    });
                }
                meeting.Attendance.Add(new MeetingAttendance { UserId = members[i].UserId, Name = members[i].DisplayName, Status = status, ConsentsToShareContact = status == AttendanceStatus.Attended && i % 2 == 0 });
            }
            db.Meetings.Add(meeting);
        }

        // The open poll closes in three weeks; its options are in the two weeks after that.
        var closesOn = DateOnly.FromDateTime(now.UtcDateTime).AddDays(21);
        var poll = new Poll
        {
            CommunityId = community.Id,
            Title = "Next quarterly meeting",
            Description = "Help us pick the date of our next meeting. It will be online, on Teams.",
            Mode = MeetingMode.Online,
            JoinUrl = "https://teams.microsoft.com/l/meetup-join/demo-practitioners-next",
            ClosesAt = PollService.EndOfDay(closesOn),
            CreatedById = secretaryId,
            CreatedAt = now,
            Options = [.. new[] { 7, 9, 14, 16 }.Select(d => MeetingTimes.ToUtc(closesOn.AddDays(d), new TimeOnly(14, 0))).Select(s => new PollOption { StartsAt = s, EndsAt = s.AddHours(2) })],
        };
        db.MeetingPolls.Add(poll);
        await db.SaveChangesAsync();
        // A handful of members have answered already (not the demo member, so they can try it).
        var memberId = await db.Users.Where(u => u.Email == DemoData.MemberEmail).Select(u => u.Id).SingleAsync();
        var answering = members.Where(m => m.UserId != memberId).Take(6).ToList();
        for (var i = 0; i < answering.Count; i++)
        {
            for (var o = 0; o < poll.Options.Count; o++)
            {
                db.MeetingPollAnswers.Add(new PollAnswer { PollOptionId = poll.Options[o].Id, UserId = answering[i].UserId, Choice = (PollChoice)((i + o) % 3), AnsweredAt = now });
            }
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    private static DateOnly SecondTuesday(DateOnly inMonth)
    {
        var first = new DateOnly(inMonth.Year, inMonth.Month, 1);
        var offset = ((int)DayOfWeek.Tuesday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + 7);
    }
}
