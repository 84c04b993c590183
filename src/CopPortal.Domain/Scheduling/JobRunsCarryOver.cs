namespace CopPortal.Domain.Scheduling;

/// <summary>
/// Upgrade step run by the WorkspacesFoundation migration of each provider, between creating JobRuns and dropping
/// ScheduledJobRuns: each job's last run day becomes a completed run of that day's period ("yyyy-MM-dd", as
/// <see cref="JobSchedule.DuePeriod"/> names it), so a Monday digest or a daily purge that already ran on the day
/// of the upgrade is not run a second time by the new scheduler. Written by hand; kept apart from generated code.
/// </summary>
public static class JobRunsCarryOver
{
    // SQLite stores DateTimeOffset with EF's DateTimeOffsetToBinaryConverter: ((ticks / 1000) << 11) | offset
    // minutes; at midnight UTC that is seconds since 0001-01-01 × 10,000 × 2,048. 1721425.5 is julianday('0001-01-01').
    public const string Sqlite = """
        INSERT INTO "JobRuns" ("JobName", "PeriodKey", "Attempts", "StartedAt", "CompletedAt")
        SELECT "Name", "LastRunOn", 1, "At", "At"
        FROM (SELECT "Name", "LastRunOn", CAST(ROUND((julianday("LastRunOn") - 1721425.5) * 86400) AS INTEGER) * 20480000 AS "At"
              FROM "ScheduledJobRuns");
        """;

    public const string Postgres = """
        INSERT INTO "JobRuns" ("JobName", "PeriodKey", "Attempts", "StartedAt", "CompletedAt")
        SELECT "Name", to_char("LastRunOn", 'YYYY-MM-DD'), 1, "LastRunOn"::timestamp AT TIME ZONE 'UTC', "LastRunOn"::timestamp AT TIME ZONE 'UTC'
        FROM "ScheduledJobRuns";
        """;

    public const string SqlServer = """
        INSERT INTO [JobRuns] ([JobName], [PeriodKey], [Attempts], [StartedAt], [CompletedAt])
        SELECT [Name], CONVERT(nvarchar(10), [LastRunOn], 23), 1, TODATETIMEOFFSET(CAST([LastRunOn] AS datetime2), 0), TODATETIMEOFFSET(CAST([LastRunOn] AS datetime2), 0)
        FROM [ScheduledJobRuns];
        """;
}
