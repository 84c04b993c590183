using CopPortal.Domain.Escalations;

namespace CopPortal.Domain.Tests.Escalations;

/// <summary>
/// A point's review: Submitted → Under review → Routed → Outcome recorded → Closed. Every legal step succeeds and
/// every other step from every status is refused with a message, leaving the point as it was.
/// </summary>
public sealed class PointStateMachineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);
    private static readonly EscalationDestination Destination = new() { Id = 7, Name = "The Workforce Council" };

    public enum Step { Assign, Route, Outcome, Close }

    private static TransitionResult Apply(EscalationPoint point, Step step) => step switch
    {
        Step.Assign => point.StartReview("council-1"),
        Step.Route => point.Route(Destination, Now),
        Step.Outcome => point.RecordOutcome("Funded.", Now),
        _ => point.Close(Now),
    };

    // The one legal step (or steps) from each status, and where it leads.
    private static readonly Dictionary<(PointStatus, Step), PointStatus> Legal = new()
    {
        [(PointStatus.Submitted, Step.Assign)] = PointStatus.UnderReview,
        [(PointStatus.UnderReview, Step.Assign)] = PointStatus.UnderReview,
        [(PointStatus.UnderReview, Step.Route)] = PointStatus.Routed,
        [(PointStatus.Routed, Step.Outcome)] = PointStatus.OutcomeRecorded,
        [(PointStatus.OutcomeRecorded, Step.Close)] = PointStatus.Closed,
    };

    public static TheoryData<PointStatus, Step> EveryStatusAndStep()
    {
        var data = new TheoryData<PointStatus, Step>();
        foreach (var status in Enum.GetValues<PointStatus>())
        {
            foreach (var step in Enum.GetValues<Step>())
            {
                data.Add(status, step);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndStep))]
    public void Each_step_from_each_status_is_allowed_only_where_the_review_allows_it(PointStatus status, Step step)
    {
        var point = new EscalationPoint { Status = status, Outcome = status >= PointStatus.OutcomeRecorded ? "Earlier outcome" : null };
        var before = (point.Status, point.AssignedToId, point.DestinationId, point.Outcome, point.ClosedAt);

        var result = Apply(point, step);

        if (Legal.TryGetValue((status, step), out var after))
        {
            Assert.True(result.Succeeded, result.Error);
            Assert.Equal(after, point.Status);
        }
        else
        {
            Assert.False(result.Succeeded);
            Assert.StartsWith($"A point that is {PointStatuses.Label(status).ToLowerInvariant()} cannot be", result.Error, StringComparison.Ordinal);
            Assert.Equal(before, (point.Status, point.AssignedToId, point.DestinationId, point.Outcome, point.ClosedAt));
        }
    }

    [Fact]
    public void The_whole_review_sets_reviewer_destination_outcome_and_dates()
    {
        var point = new EscalationPoint { Status = PointStatus.Submitted };
        Assert.True(point.StartReview("council-1").Succeeded);
        Assert.Equal("council-1", point.AssignedToId);
        Assert.True(point.Route(Destination, Now).Succeeded);
        Assert.Equal(7, point.DestinationId);
        Assert.Equal(Now, point.RoutedAt);
        Assert.True(point.RecordOutcome("  Two posts funded.  ", Now.AddDays(1)).Succeeded);
        Assert.Equal("Two posts funded.", point.Outcome);
        Assert.Equal(Now.AddDays(1), point.OutcomeRecordedAt);
        Assert.True(point.Close(Now.AddDays(2)).Succeeded);
        Assert.Equal(Now.AddDays(2), point.ClosedAt);
    }

    [Fact]
    public void Cannot_close_without_an_outcome_or_record_an_empty_one_or_route_to_a_retired_destination()
    {
        var noOutcome = new EscalationPoint { Status = PointStatus.OutcomeRecorded, Outcome = " " };
        Assert.Equal("A point that is outcome recorded cannot be closed. Record the outcome before closing the point.", noOutcome.Close(Now).Error);
        Assert.Equal(PointStatus.OutcomeRecorded, noOutcome.Status);

        var routed = new EscalationPoint { Status = PointStatus.Routed };
        Assert.Equal("Enter the outcome", routed.RecordOutcome("   ", Now).Error);
        Assert.Equal(PointStatus.Routed, routed.Status);

        var reviewing = new EscalationPoint { Status = PointStatus.UnderReview };
        Assert.Equal("That destination is no longer in use. Choose another.", reviewing.Route(new EscalationDestination { Id = 3, Name = "Old", IsActive = false }, Now).Error);
        Assert.Null(reviewing.DestinationId);
    }

    [Theory]
    [InlineData("2026-Q4", 2026, 4, "October to December 2026")]
    [InlineData("2027-Q1", 2027, 1, "January to March 2027")]
    [InlineData("2026-Q5", 0, 0, null)]
    [InlineData("2026Q1", 0, 0, null)]
    [InlineData("", 0, 0, null)]
    public void Quarters_parse_from_their_key(string key, int year, int number, string? label)
    {
        var quarter = Quarter.Parse(key);
        Assert.Equal(label, quarter?.Label);
        if (quarter is { } q)
        {
            Assert.Equal((year, number), (q.Year, q.Number));
        }
    }

    [Fact]
    public void A_quarter_runs_from_London_midnight_so_a_late_March_evening_in_summer_time_counts_in_Q1()
    {
        var q2 = new Quarter(2026, 2);
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 23, 0, 0, TimeSpan.Zero), q2.StartUtc); // 1 April 00:00 BST
        Assert.Equal(new Quarter(2026, 1), Quarter.Of(new DateTimeOffset(2026, 3, 31, 22, 59, 0, TimeSpan.Zero)));
        Assert.Equal(q2, Quarter.Of(new DateTimeOffset(2026, 3, 31, 23, 0, 0, TimeSpan.Zero)));
    }
}
