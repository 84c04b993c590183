using Bogus;
using CopPortal.Domain.Actions;
using CopPortal.Domain.Communities;
using CopPortal.Domain.Meetings;
using CopPortal.Domain.Minutes;
using Microsoft.Data.Sqlite;

namespace CopPortal.Benchmarks;

/// <summary>What the meeting pages of the benchmark open: the largest CoP's next meeting and a held one with published minutes.</summary>
public sealed record MeetingsSample(int UpcomingMeetingId, int HeldMeetingId, int Meetings, int Responses);

/// <summary>
/// Every active CoP meets monthly: a held year (attendance, apologies) and the coming year. The largest CoP's meetings
/// carry what its pages show at scale: RSVPs from a few hundred members, attendance, agendas and published minutes with
/// actions. Bulk-inserted in the shape the portal writes.
/// </summary>
public sealed class MeetingsGenerator(BulkInserter inserter, SqliteConnection connection, Faker faker, Random random)
{
    private const int MonthsEachWay = 12;

    public MeetingsSample Generate(IReadOnlyList<Community> communities, IReadOnlyList<CommunityMembership> memberships, Community largest, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(communities);
        ArgumentNullException.ThrowIfNull(memberships);
        ArgumentNullException.ThrowIfNull(largest);
        var firstMeeting = (int)BulkInserter.Scalar(connection, "SELECT COALESCE(MAX(\"Id\"),0) FROM \"Meetings\"") + 1;
        var firstAgenda = (int)BulkInserter.Scalar(connection, "SELECT COALESCE(MAX(\"Id\"),0) FROM \"Agendas\"") + 1;
        var firstMinutes = (int)BulkInserter.Scalar(connection, "SELECT COALESCE(MAX(\"Id\"),0) FROM \"MeetingMinutes\"") + 1;
        var firstAction = (int)BulkInserter.Scalar(connection, "SELECT COALESCE(MAX(\"Id\"),0) FROM \"Actions\"") + 1;
        var firstResponse = (int)BulkInserter.Scalar(connection, "SELECT COALESCE(MAX(\"Id\"),0) FROM \"MeetingResponses\"") + 1;
        var firstAttendance = (int)BulkInserter.Scalar(connection, "SELECT COALESCE(MAX(\"Id\"),0) FROM \"MeetingAttendance\"") + 1;
        var firstAgendaItem = (int)BulkInserter.Scalar(connection, "SELECT COALESCE(MAX(\"Id\"),0) FROM \"AgendaItems\"") + 1;
        var firstMinutesItem = (int)BulkInserter.Scalar(connection, "SELECT COALESCE(MAX(\"Id\"),0) FROM \"MinutesItems\"") + 1;
        var largestMembers = memberships.Where(m => m.CommunityId == largest.Id).Select(m => m.UserId).ToArray();

        var meetings = new List<Meeting>();
        var responses = new List<MeetingResponse>();
        var attendance = new List<MeetingAttendance>();
        var agendas = new List<Agenda>();
        var agendaItems = new List<AgendaItem>();
        var minutes = new List<MeetingMinutes>();
        var minutesItems = new List<MinutesItem>();
        var actions = new List<CommunityAction>();
        int? upcoming = null;
        int? held = null;
        foreach (var community in communities.Where(c => c.Status == CommunityStatus.Active))
        {
            var isLargest = community.Id == largest.Id;
            // The 10th of each month at 14:00 UTC: the shape of a series without generating it through the cadence rules.
            var anchor = new DateTimeOffset(now.Year, now.Month, 10, 14, 0, 0, TimeSpan.Zero);
            for (var month = -MonthsEachWay; month <= MonthsEachWay; month++)
            {
                var starts = anchor.AddMonths(month);
                var id = firstMeeting + meetings.Count;
                var meeting = new Meeting
                {
                    Id = id, CommunityId = community.Id, Title = month % 3 == 0 ? "Spotlight: " + faker.Lorem.Sentence(4).TrimEnd('.') : "Community meeting",
                    SessionType = month % 3 == 0 ? MeetingSessionType.Spotlight : MeetingSessionType.Regular,
                    StartsAt = starts, EndsAt = starts.AddMinutes(90), Mode = MeetingMode.Online, JoinUrl = "https://teams.microsoft.com/l/meetup-join/bench-" + id,
                    Presenters = month % 3 == 0 ? faker.Name.FullName() : null, CalendarUid = $"bench-meeting-{id}@copportal",
                    CreatedAt = starts.AddDays(-60), UpdatedAt = starts.AddDays(-60),
                    AttendanceRecordedAt = starts < now && isLargest ? starts.AddDays(1) : null,
                };
                meetings.Add(meeting);
                if (!isLargest)
                {
                    continue;
                }
                if (starts > now)
                {
                    upcoming ??= id;
                    // A few hundred answers, one in five apologies with a message.
                    foreach (var (userId, k) in Sample(largestMembers, 300).Select((u, k) => (u, k)))
                    {
                        responses.Add(new MeetingResponse
                        {
                            Id = firstResponse + responses.Count, MeetingId = id, UserId = userId, Answer = k % 5 == 0 ? RsvpAnswer.Apologies : RsvpAnswer.Attending,
                            Message = k % 5 == 0 ? faker.Lorem.Sentence(8) : null, RespondedAt = starts.AddDays(-random.Next(1, 30)),
                        });
                    }
                    continue;
                }
                foreach (var (userId, k) in Sample(largestMembers, 60).Select((u, k) => (u, k)))
                {
                    attendance.Add(new MeetingAttendance
                    {
                        Id = firstAttendance + attendance.Count, MeetingId = id, UserId = userId, Name = faker.Name.FullName(),
                        Status = k % 6 == 0 ? AttendanceStatus.Apologies : AttendanceStatus.Attended, ConsentsToShareContact = k % 2 == 0,
                    });
                }
                var agendaId = firstAgenda + agendas.Count;
                agendas.Add(new Agenda { Id = agendaId, CommunityId = community.Id, MeetingId = id, CreatedAt = starts.AddDays(-14), UpdatedAt = starts.AddDays(-7), PublishedAt = starts.AddDays(-7) });
                var minutesId = firstMinutes + minutes.Count;
                minutes.Add(new MeetingMinutes
                {
                    Id = minutesId, CommunityId = community.Id, MeetingId = id, Status = MinutesStatus.Published, ChairedBy = faker.Name.FullName(),
                    CreatedAt = starts.AddDays(1), UpdatedAt = starts.AddDays(10), UpdatedByName = faker.Name.FullName(), SubmittedAt = starts.AddDays(5),
                    ApprovedAt = starts.AddDays(9), ApprovedByName = faker.Name.FullName(), PublishedAt = starts.AddDays(10),
                    SharedWithCouncilAt = month % 2 == 0 ? starts.AddDays(10) : null,
                });
                for (var position = 1; position <= 10; position++)
                {
                    var title = position == 1 ? "Matters arising" : faker.Lorem.Sentence(5).TrimEnd('.');
                    agendaItems.Add(new AgendaItem
                    {
                        Id = firstAgendaItem + agendaItems.Count, AgendaId = agendaId, Position = position, Title = title, Description = faker.Lorem.Sentence(12), Lead = faker.Name.FullName(),
                        MinutesAllotted = 10, Purpose = (AgendaPurpose)(position % 3), IsMattersArising = position == 1,
                    });
                    minutesItems.Add(new MinutesItem
                    {
                        Id = firstMinutesItem + minutesItems.Count, MinutesId = minutesId, Position = position, Title = title, KeyPoints = faker.Lorem.Paragraph(4),
                        Decisions = position % 2 == 0 ? faker.Lorem.Sentence(10) : null, IsMattersArising = position == 1,
                    });
                }
                for (var a = 0; a < 10; a++)
                {
                    actions.Add(new CommunityAction
                    {
                        Id = firstAction + actions.Count, CommunityId = community.Id, MeetingId = id, Description = faker.Lorem.Sentence(10),
                        OwnerName = faker.Name.FullName(), OwnerUserId = a % 2 == 0 ? largestMembers[random.Next(largestMembers.Length)] : null,
                        DueOn = DateOnly.FromDateTime(starts.AddDays(30).UtcDateTime), Status = (ActionStatus)(a % 3),
                        CreatedAt = starts.AddDays(1), UpdatedAt = starts.AddDays(1), ConcurrencyStamp = Guid.NewGuid(),
                    });
                }
                held = id;
            }
        }
        inserter.Insert(meetings);
        inserter.Insert(responses);
        inserter.Insert(attendance);
        inserter.Insert(agendas);
        inserter.Insert(agendaItems);
        inserter.Insert(minutes);
        inserter.Insert(minutesItems);
        inserter.Insert(actions);
        return new MeetingsSample(upcoming ?? throw new InvalidOperationException("No upcoming meeting generated."), held ?? throw new InvalidOperationException("No held meeting generated."), meetings.Count, responses.Count);
    }

    private IEnumerable<string> Sample(string[] users, int count) =>
        users.Length <= count ? users : Enumerable.Range(0, count).Select(_ => users[random.Next(users.Length)]).Distinct();
}
