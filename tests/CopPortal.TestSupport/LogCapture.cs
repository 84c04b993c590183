using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CopPortal.TestSupport;

/// <summary>A logger provider that keeps every entry (with its structured values and scopes) for tests to read.</summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<Entry> Entries { get; } = new();

    public sealed record Entry(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Values, IReadOnlyDictionary<string, object?> Scope, string? Exception)
    {
        /// <summary>Everything the entry would put in a log: message, values, scopes and exception, for "never contains" checks.</summary>
        public string AllText => string.Join(" | ", new[] { Category, Message, Exception ?? "" }
            .Concat(Values.Select(v => $"{v.Key}={v.Value}")).Concat(Scope.Select(v => $"{v.Key}={v.Value}")));
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (key, value) in pairs)
                {
                    values[key] = value;
                }
            }
            var scope = new Dictionary<string, object?>(StringComparer.Ordinal);
            owner._scopes.ForEachScope((item, bag) =>
            {
                if (item is IEnumerable<KeyValuePair<string, object?>> scopePairs)
                {
                    foreach (var (key, value) in scopePairs)
                    {
                        bag[key] = value?.ToString();
                    }
                }
                else if (item is not null)
                {
                    bag["Scope" + bag.Count] = item.ToString();
                }
            }, scope);
            owner.Entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), values, scope, exception?.ToString()));
        }
    }
}
