using Microsoft.Extensions.Logging;

namespace ClosetConnect.ServiceDefaults.Logging;

/// <summary>
/// Wraps every log sink (console, OpenTelemetry…) so messages, structured values, scopes and exceptions pass the
/// <see cref="SensitiveDataRedactor"/> before the sink sees them.
/// </summary>
internal sealed class RedactingLoggerProvider(ILoggerProvider inner) : ILoggerProvider, ISupportExternalScope
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void SetScopeProvider(IExternalScopeProvider scopeProvider)
    {
        if (inner is ISupportExternalScope scoped)
        {
            scoped.SetScopeProvider(new RedactingScopeProvider(scopeProvider));
        }
    }

    public void Dispose() => inner.Dispose();
}

internal sealed class RedactingLogger(ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        var redacted = RedactedLogState.From(state, formatter(state, null));
        inner.Log(logLevel, eventId, redacted, exception is null ? null : new RedactedException(exception), static (s, _) => s.Message);
    }
}

/// <summary>The message and its structured values, redacted; sinks read both.</summary>
internal sealed class RedactedLogState(IReadOnlyList<KeyValuePair<string, object?>> values, string message)
    : IReadOnlyList<KeyValuePair<string, object?>>
{
    private const string OriginalFormat = "{OriginalFormat}";

    public string Message { get; } = message;

    public int Count => values.Count;

    public KeyValuePair<string, object?> this[int index] => values[index];

    public static RedactedLogState From<TState>(TState state, string message)
    {
        if (state is not IReadOnlyList<KeyValuePair<string, object?>> structured)
        {
            return new RedactedLogState([], SensitiveDataRedactor.Redact(message));
        }

        var values = new List<KeyValuePair<string, object?>>(structured.Count);
        foreach (var (key, value) in structured)
        {
            if (key == OriginalFormat)
            {
                values.Add(new(key, value));
                continue;
            }

            var safe = SensitiveDataRedactor.RedactValue(key, value);
            if (!ReferenceEquals(safe, value) && value?.ToString() is { Length: > 0 } raw && safe?.ToString() is { } replacement)
            {
                // The formatted message embeds the raw value too.
                message = message.Replace(raw, replacement, StringComparison.Ordinal);
            }

            values.Add(new(key, safe));
        }

        return new RedactedLogState(values, SensitiveDataRedactor.Redact(message));
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Message;
}

/// <summary>Scopes (request path, request id…) redacted the same way.</summary>
internal sealed class RedactingScopeProvider(IExternalScopeProvider inner) : IExternalScopeProvider
{
    public void ForEachScope<TState>(Action<object?, TState> callback, TState state) =>
        inner.ForEachScope((scope, s) => callback(scope switch
        {
            null => null,
            string text => SensitiveDataRedactor.Redact(text),
            IReadOnlyList<KeyValuePair<string, object?>> values => RedactedLogState.From(values, scope.ToString() ?? string.Empty),
            _ => SensitiveDataRedactor.Redact(scope.ToString() ?? string.Empty),
        }, s), state);

    public IDisposable Push(object? state) => inner.Push(state);
}

/// <summary>An exception whose message and stack text are redacted (driver errors quote the offending values).</summary>
internal sealed class RedactedException(Exception original) : Exception(SensitiveDataRedactor.Redact(original.Message))
{
    public override string? StackTrace => original.StackTrace;

    public override string ToString() => SensitiveDataRedactor.Redact(original.ToString());
}
