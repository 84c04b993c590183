using CopPortal.Domain.Meetings;
using Ical.Net;

namespace CopPortal.Domain.Tests.Meetings;

/// <summary>Every cadence rule across month ends, leap years and both clock changes, and the calendar text.</summary>
public sealed class CadenceRuleTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Every_two_weeks_on_a_weekday_starts_on_the_first_such_day_and_crosses_a_leap_day()
    {
        // 2028 is a leap year: from Thursday 17 February 2028 the fortnight lands on 2 March, via 29 February's week.
        var dates = new WeeklyCadence(2, DayOfWeek.Thursday).Dates(D(2028, 2, 15), D(2028, 3, 31)).ToList();
        Assert.Equal([D(2028, 2, 17), D(2028, 3, 2), D(2028, 3, 16), D(2028, 3, 30)], dates);
    }

    [Fact]
    public void Every_three_months_on_the_last_friday_handles_31_30_and_28_day_months()
    {
        var dates = new MonthlyWeekdayCadence(3, MonthlyWeekdayCadence.Last, DayOfWeek.Friday).Dates(D(2026, 1, 1), D(2027, 2, 28)).ToList();
        Assert.Equal([D(2026, 1, 30), D(2026, 4, 24), D(2026, 7, 31), D(2026, 10, 30), D(2027, 1, 29)], dates);
    }

    [Fact]
    public void Monthly_second_tuesday_and_last_monday_of_a_leap_february()
    {
        Assert.Equal([D(2028, 1, 11), D(2028, 2, 8), D(2028, 3, 14)],
            new MonthlyWeekdayCadence(1, 2, DayOfWeek.Tuesday).Dates(D(2028, 1, 1), D(2028, 3, 31)).ToList());
        // February 2028 has 29 days, and the 28th is its last Monday.
        Assert.Equal([D(2028, 2, 28)], new MonthlyWeekdayCadence(1, MonthlyWeekdayCadence.Last, DayOfWeek.Monday).Dates(D(2028, 2, 1), D(2028, 2, 29)).ToList());
        // A 4th weekday always exists; the first date filters out one already passed in the first month.
        Assert.Equal([D(2026, 12, 24), D(2027, 1, 28)], new MonthlyWeekdayCadence(1, 4, DayOfWeek.Thursday).Dates(D(2026, 12, 3), D(2027, 1, 31)).ToList());
    }

    [Fact]
    public void First_full_week_of_the_month_skips_a_week_that_began_in_the_previous_month()
    {
        // 1 May 2026 is a Friday, so May's first full week starts on Monday 4 May; June 2026 starts on a Monday.
        var rule = new WeekOfMonthCadence(1, 1, DayOfWeek.Wednesday);
        Assert.Equal([D(2026, 5, 6), D(2026, 6, 3), D(2026, 7, 8)], rule.Dates(D(2026, 5, 1), D(2026, 7, 31)).ToList());
        // The 1st Wednesday of May 2026 is the 6th too, but of July it is the 1st: the rules differ.
        Assert.Equal(D(2026, 7, 1), new MonthlyWeekdayCadence(1, 1, DayOfWeek.Wednesday).Dates(D(2026, 7, 1), D(2026, 7, 31)).Single());
    }

    [Fact]
    public void Third_week_of_alternate_months_counts_months_from_the_first_date()
    {
        var rule = new WeekOfMonthCadence(2, 3, DayOfWeek.Tuesday);
        // From January 2027: January, March, May… The week begins on the month's 3rd Monday.
        Assert.Equal([D(2027, 1, 19), D(2027, 3, 16), D(2027, 5, 18)], rule.Dates(D(2027, 1, 1), D(2027, 6, 30)).ToList());
    }

    [Fact]
    public void Terms_cadence_keeps_the_first_dates_place_in_the_month()
    {
        Assert.Equal(new MonthlyWeekdayCadence(3, 2, DayOfWeek.Tuesday), CadenceRule.FromTerms(3, D(2027, 1, 12)));
        // 26 January 2027 is within the last seven days, so it means "the last Tuesday" (not "the 4th").
        Assert.Equal(new MonthlyWeekdayCadence(2, MonthlyWeekdayCadence.Last, DayOfWeek.Tuesday), CadenceRule.FromTerms(2, D(2027, 1, 26)));
        var year = CadenceRule.FromTerms(3, D(2027, 1, 12)).YearFrom(D(2027, 1, 12));
        Assert.Equal([D(2027, 1, 12), D(2027, 4, 13), D(2027, 7, 13), D(2027, 10, 12)], year);
    }

    [Fact]
    public void Rules_round_trip_through_their_stored_json_and_reject_nonsense()
    {
        CadenceRule[] rules = [new WeeklyCadence(3, DayOfWeek.Monday), new MonthlyWeekdayCadence(2, -1, DayOfWeek.Friday), new WeekOfMonthCadence(2, 3, DayOfWeek.Thursday)];
        foreach (var rule in rules)
        {
            Assert.Equal(rule, CadenceRule.FromJson(rule.ToJson()));
        }
        Assert.Null(CadenceRule.FromJson("{\"kind\":\"nope\"}"));
        Assert.False(new WeeklyCadence(0, DayOfWeek.Monday).IsValid);
        Assert.False(new MonthlyWeekdayCadence(1, 5, DayOfWeek.Monday).IsValid);
        Assert.Equal("Every other month, on Thursday of the 3rd full week", new WeekOfMonthCadence(2, 3, DayOfWeek.Thursday).Describe());
    }

    [Fact]
    public void Local_time_is_kept_across_both_clock_changes()
    {
        // Weekly at 2pm London from the Sunday before the spring change (29 March 2026) to after the autumn one (25 October 2026).
        var dates = new WeeklyCadence(1, DayOfWeek.Tuesday).Dates(D(2026, 3, 23), D(2026, 3, 31)).Concat(new WeeklyCadence(1, DayOfWeek.Tuesday).Dates(D(2026, 10, 20), D(2026, 10, 28)));
        var starts = MeetingTimes.Occurrences(dates, new TimeOnly(14, 0), 90).Select(o => o.Start).ToList();
        Assert.Equal(
            [
                new DateTimeOffset(2026, 3, 24, 14, 0, 0, TimeSpan.Zero), // GMT
                new DateTimeOffset(2026, 3, 31, 13, 0, 0, TimeSpan.Zero), // BST
                new DateTimeOffset(2026, 10, 20, 13, 0, 0, TimeSpan.Zero), // BST
                new DateTimeOffset(2026, 10, 27, 14, 0, 0, TimeSpan.Zero), // GMT
            ],
            starts);
    }

    [Fact]
    public void A_time_the_clocks_skip_moves_an_hour_later_and_a_repeated_one_takes_the_first()
    {
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), MeetingTimes.ToUtc(D(2026, 3, 29), new TimeOnly(1, 30)));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), MeetingTimes.ToUtc(D(2026, 10, 25), new TimeOnly(1, 30)));
    }

    [Fact]
    public void Invitation_calendar_parses_back_with_method_uid_sequence_and_london_zone()
    {
        var meeting = new Meeting
        {
            Id = 5,
            Title = "Spotlight",
            StartsAt = new DateTimeOffset(2026, 7, 14, 13, 0, 0, TimeSpan.Zero),
            EndsAt = new DateTimeOffset(2026, 7, 14, 15, 0, 0, TimeSpan.Zero),
            CalendarUid = "abc@copportal",
            CalendarSequence = 3,
            JoinUrl = "https://teams.example/join",
        };
        var organiser = new MeetingOrganiser("Network team", "no-reply@example.nhs.uk");
        var text = MeetingCalendar.Invitation(meeting, "Practitioners", organiser, new CalendarInvitee("Aisha", "aisha@example.nhs.uk"), "https://portal.example/m/5", meeting.StartsAt.AddDays(-10));
        var calendar = Calendar.Load(text)!;
        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal("Europe/London", Assert.Single(calendar.TimeZones).TzId);
        var ev = Assert.Single(calendar.Events);
        Assert.Equal("abc@copportal", ev.Uid);
        Assert.Equal(3, ev.Sequence);
        Assert.Equal("Europe/London", ev.DtStart!.TzId);
        Assert.Equal(14, ev.DtStart.Value.Hour); // 1pm UTC is 2pm BST
        Assert.Equal("mailto:aisha@example.nhs.uk", Assert.Single(ev.Attendees).Value!.ToString());
        Assert.Contains("https://teams.example/join", ev.Description, StringComparison.Ordinal);

        meeting.Status = MeetingStatus.Cancelled;
        var cancel = Calendar.Load(MeetingCalendar.Cancellation(meeting, "Practitioners", organiser, new CalendarInvitee("Aisha", "aisha@example.nhs.uk"), "https://portal.example/m/5", meeting.StartsAt))!;
        Assert.Equal("CANCEL", cancel.Method);
        Assert.Equal("CANCELLED", cancel.Events.Single().Status);
        Assert.DoesNotContain("teams.example", cancel.Events.Single().Description, StringComparison.Ordinal);
        Assert.Equal("CANCEL", MeetingCalendar.MethodOf(MeetingCalendar.Cancellation(meeting, "P", organiser, new CalendarInvitee("A", "a@b.c"), "https://p/x", meeting.StartsAt)));
    }
}
