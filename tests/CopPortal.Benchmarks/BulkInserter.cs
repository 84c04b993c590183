using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SQLitePCL;

namespace CopPortal.Benchmarks;

/// <summary>
/// Inserts generated entities straight into SQLite, using EF's own model for table names, columns and value
/// conversions, so the benchmark data has exactly the shape the portal writes. Each column's getter and converter
/// are looked up once per table, and rows go in many to a prepared statement, so 10x data loads in minutes.
/// </summary>
public sealed class BulkInserter(DbContext model, SqliteConnection connection)
{
    /// <summary>Inserts the entities in one transaction of their own.</summary>
    public int Insert<T>(IEnumerable<T> entities) where T : class
    {
        ArgumentNullException.ThrowIfNull(entities);
        using var transaction = connection.BeginTransaction();
        using var writer = Writer<T>(transaction);
        foreach (var entity in entities)
        {
            writer.Add(entity);
        }
        writer.Flush();
        transaction.Commit();
        return writer.Count;
    }

    /// <summary>
    /// A writer of <typeparamref name="T"/>'s rows in the caller's transaction (so two tables can be written in step).
    /// With <paramref name="columns"/> (property names), rows can also be given as raw values in that order through
    /// <see cref="TableWriter{T}.AddRow"/>; every column of the table must be named, so the data cannot silently
    /// lose a column the model gains.
    /// </summary>
    public TableWriter<T> Writer<T>(SqliteTransaction transaction, params string[] columns) where T : class
    {
        var entityType = model.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = entityType.GetTableName()!;
        var identifier = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        // Columns the database computes cannot be inserted.
        var insertable = entityType.GetProperties().Where(p => p.GetColumnName(identifier) is not null && p.GetComputedColumnSql() is null).ToList();
        var properties = insertable;
        if (columns.Length > 0)
        {
            properties = columns.Select(c => insertable.SingleOrDefault(p => p.Name == c) ?? throw new InvalidOperationException($"{typeof(T).Name}.{c} is not an insertable column.")).ToList();
            var missing = insertable.Except(properties).Select(p => p.Name).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException($"Give {typeof(T).Name}'s rows every column; missing {string.Join(", ", missing)}.");
            }
        }
        return new TableWriter<T>(connection, transaction, table, properties.Select(p => p.GetColumnName(identifier)!).ToList(), properties);
    }

    public static long Scalar(DbConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static void Execute(DbConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>
/// Buffers rows and inserts them many to a statement (a multi-row INSERT), prepared once and bound by position
/// through SQLite's own API: binding by name looks each name up in a list, which made long statements slow.
/// </summary>
public sealed class TableWriter<T> : IDisposable where T : class
{
    // Parameters bound per statement: many rows per step into SQLite, well under its limit of 32,766.
    private const int ParametersPerStatement = 960;
    private readonly sqlite3 _database;
    private readonly string _insertInto;
    private readonly int _columns;
    private readonly IClrPropertyGetter[] _getters;
    private readonly ValueConverter?[] _converters;
    private readonly int _rowsPerStatement;
    private readonly sqlite3_stmt _full;
    private readonly object?[] _buffer;
    private int _buffered;

    internal TableWriter(SqliteConnection connection, SqliteTransaction transaction, string table, List<string> columns, List<IProperty> properties)
    {
        // The rows go into the caller's transaction, which is open on this connection's handle.
        ArgumentNullException.ThrowIfNull(transaction);
        _database = connection.Handle!;
        _columns = columns.Count;
        _insertInto = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => "\"" + c + "\""))}) VALUES ";
        _getters = properties.Select(p => p.GetGetter()).ToArray();
        _converters = properties.Select(p => p.GetTypeMapping().Converter).ToArray();
        _rowsPerStatement = Math.Max(1, ParametersPerStatement / _columns);
        _buffer = new object?[_rowsPerStatement * _columns];
        _full = Statement(_rowsPerStatement);
    }

    public int Count { get; private set; }

    /// <summary>Adds an entity, reading its columns through EF's model.</summary>
    public void Add(T entity)
    {
        var offset = _buffered * _columns;
        for (var i = 0; i < _columns; i++)
        {
            _buffer[offset + i] = _getters[i].GetClrValue(entity);
        }
        Buffered();
    }

    /// <summary>Adds a row as CLR values in the column order the writer was made with (converted as EF would).</summary>
    public void AddRow(params ReadOnlySpan<object?> values)
    {
        values.CopyTo(_buffer.AsSpan(_buffered * _columns, _columns));
        Buffered();
    }

    /// <summary>Inserts the rows still buffered.</summary>
    public void Flush()
    {
        if (_buffered == 0)
        {
            return;
        }
        using var last = Statement(_buffered);
        Execute(last, _buffered);
    }

    public void Dispose() => _full.Dispose();

    private void Buffered()
    {
        Count++;
        if (++_buffered == _rowsPerStatement)
        {
            Execute(_full, _rowsPerStatement);
        }
    }

    private void Execute(sqlite3_stmt statement, int rows)
    {
        for (var i = 0; i < rows * _columns; i++)
        {
            Check(Bind(statement, i + 1, _buffer[i], _converters[i % _columns]));
            _buffer[i] = null;
        }
        var result = raw.sqlite3_step(statement);
        if (result != raw.SQLITE_DONE)
        {
            Check(result);
        }
        Check(raw.sqlite3_reset(statement));
        _buffered = 0;
    }

    // The value as EF's SQLite provider stores it (enums as numbers, dates and GUIDs as text) and as
    // Microsoft.Data.Sqlite would bind it.
    private static int Bind(sqlite3_stmt statement, int index, object? value, ValueConverter? converter) =>
        (converter is null || value is null ? value : converter.ConvertToProvider(value)) switch
        {
            null => raw.sqlite3_bind_null(statement, index),
            string s => raw.sqlite3_bind_text(statement, index, s),
            int n => raw.sqlite3_bind_int64(statement, index, n),
            long n => raw.sqlite3_bind_int64(statement, index, n),
            bool b => raw.sqlite3_bind_int64(statement, index, b ? 1 : 0),
            Enum e => raw.sqlite3_bind_int64(statement, index, Convert.ToInt64(e, CultureInfo.InvariantCulture)),
            short n => raw.sqlite3_bind_int64(statement, index, n),
            byte n => raw.sqlite3_bind_int64(statement, index, n),
            double d => raw.sqlite3_bind_double(statement, index, d),
            float d => raw.sqlite3_bind_double(statement, index, d),
            DateOnly d => raw.sqlite3_bind_text(statement, index, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            Guid g => raw.sqlite3_bind_text(statement, index, g.ToString().ToUpperInvariant()),
            byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
            var other => throw new NotSupportedException($"No binding for {other.GetType().Name} values; add one here as Microsoft.Data.Sqlite binds it."),
        };

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException($"Insert failed: {raw.sqlite3_errmsg(_database).utf8_to_string()}", result);
        }
    }

    private sqlite3_stmt Statement(int rows)
    {
        var text = new StringBuilder(_insertInto);
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            text.AppendJoin(", ", Enumerable.Repeat("?", _columns));
            text.Append(')');
        }
        Check(raw.sqlite3_prepare_v2(_database, text.ToString(), out var statement));
        return statement;
    }
}
