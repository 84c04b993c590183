using System.Collections.Frozen;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using CopPortal.Domain.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CopPortal.Domain.Caching;

/// <summary>
/// Raises the database's <see cref="ContentVersion"/> whenever a command that writes to a table pages show is
/// committed: at the commit of the transaction it ran in (in the same transaction, so readers see the new data and
/// the new version together), or straight after it when it ran on its own (ExecuteUpdate, ExecuteDelete). It
/// watches the commands rather than SaveChanges so that every way of writing through EF Core counts.
/// </summary>
public sealed partial class ContentChangeInterceptor(ContentCache cache, ILogger<ContentChangeInterceptor> logger) : IDbCommandInterceptor, IDbTransactionInterceptor
{
    /// <summary>Tables whose writes change nothing a cached page shows: the audit trail, the mail outbox, keys,
    /// job bookkeeping, each person's own read marks and settings, and the version itself.</summary>
    private static readonly FrozenSet<string> s_notContent = new[]
    {
        "ContentVersions", "__EFMigrationsHistory", "AuditEntries", "OutboxMessages", "DataProtectionKeys", "JobRuns",
        "MeetingInvitationRuns", "ForumReadMarks", "NotificationPreferences", "CalendarFeeds",
        "AspNetUserTokens", "AspNetUserLogins", "AspNetUserClaims",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // The version moves to the current time in ticks (or one past its value, if that is later), never by one
    // alone: a database restored from a backup, or reset under a running test, then makes its next changes under
    // versions it has never had before, so data kept under an old number is never mistaken for new.
    private const string BumpSql = "UPDATE \"ContentVersions\" SET \"Value\" = CASE WHEN \"Value\" >= @now THEN \"Value\" + 1 ELSE @now END WHERE \"Id\" = 1";

    private static readonly AsyncLocal<bool> s_suspended = new();

    // Transactions that wrote content: the version goes up when they commit.
    private readonly ConditionalWeakTable<DbTransaction, object> _pending = [];

    // The table after INSERT INTO, UPDATE, DELETE FROM or MERGE (not SELECT ... FOR UPDATE or an upsert's DO UPDATE), quoted or not.
    [GeneratedRegex("""(?<!\b(?:FOR|DO)\s+)\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|MERGE(?:\s+INTO)?)\s+[\["`]?(\w+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WriteTarget();

    /// <summary>Turns the interceptor off in this async flow: migrations write before the version's table exists.</summary>
    public static IDisposable Suspend()
    {
        s_suspended.Value = true;
        return new Resume();
    }

    private sealed class Resume : IDisposable
    {
        public void Dispose() => s_suspended.Value = false;
    }

    /// <summary>Whether <paramref name="sql"/> writes to a table that pages show.</summary>
    public static bool ChangesContent(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var text = sql.AsSpan().TrimStart();
        // The common case, a query: EF Core's start with SELECT and are one statement.
        if (text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && !text.Contains(';'))
        {
            return false;
        }
        foreach (Match match in WriteTarget().Matches(sql))
        {
            if (!s_notContent.Contains(match.Groups[1].Value))
            {
                return true;
            }
        }
        return false;
    }

    public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        NoteReader(command, eventData);
        return result;
    }

    public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        NoteReader(command, eventData);
        return ValueTask.FromResult(result);
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (Wrote(command) && !Pend(command, eventData))
        {
            Bump(command.Connection!, null, eventData.Context);
        }
        return result;
    }

    public async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Wrote(command) && !Pend(command, eventData))
        {
            await BumpAsync(command.Connection!, null, eventData.Context, cancellationToken);
        }
        return result;
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (_pending.TryGetValue(transaction, out _))
        {
            _pending.Remove(transaction);
            Bump(transaction.Connection!, transaction, eventData.Context);
        }
        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (_pending.TryGetValue(transaction, out _))
        {
            _pending.Remove(transaction);
            await BumpAsync(transaction.Connection!, transaction, eventData.Context, cancellationToken);
        }
        return result;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _pending.Remove(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _pending.Remove(transaction);
        return Task.CompletedTask;
    }

    private static bool Wrote(DbCommand command) => !s_suspended.Value && ChangesContent(command.CommandText);

    /// <summary>Marks the command's transaction to raise the version at its commit; false when it has none.</summary>
    private bool Pend(DbCommand command, CommandEventData eventData)
    {
        if (command.Transaction is null)
        {
            return false;
        }
        _pending.AddOrUpdate(command.Transaction, this);
        // This request's own later reads must not use what it read before its change.
        (eventData.Context as CopDbContext)?.ForgetContentVersion();
        return true;
    }

    private void NoteReader(DbCommand command, CommandEventData eventData)
    {
        if (!Wrote(command) || Pend(command, eventData))
        {
            return;
        }
        // CopDbContext saves in a transaction (AutoTransactionBehavior.Always), so a write that returns rows
        // outside one is unexpected: the reader is still open, so the version cannot be raised safely here.
        // Drop this server's cached pages instead and say so.
        cache.ForgetAll();
        (eventData.Context as CopDbContext)?.ForgetContentVersion();
        LogWriteOutsideTransaction(logger);
    }

    private static void Bump(DbConnection connection, DbTransaction? transaction, Microsoft.EntityFrameworkCore.DbContext? context)
    {
        using var command = BumpCommand(connection, transaction);
        command.ExecuteNonQuery();
        (context as CopDbContext)?.ForgetContentVersion();
    }

    private static async Task BumpAsync(DbConnection connection, DbTransaction? transaction, Microsoft.EntityFrameworkCore.DbContext? context, CancellationToken cancellationToken)
    {
        await using var command = BumpCommand(connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
        (context as CopDbContext)?.ForgetContentVersion();
    }

    private static DbCommand BumpCommand(DbConnection connection, DbTransaction? transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = BumpSql;
        var now = command.CreateParameter();
        now.ParameterName = "@now";
        now.DbType = System.Data.DbType.Int64;
        // The real clock on purpose: this is a source of numbers never used before, not a time anybody reads.
        now.Value = DateTime.UtcNow.Ticks;
        command.Parameters.Add(now);
        return command;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A write that returns rows ran outside a transaction: this server's cached pages were dropped, other servers' keep theirs for up to ten minutes")]
    private static partial void LogWriteOutsideTransaction(ILogger logger);
}
