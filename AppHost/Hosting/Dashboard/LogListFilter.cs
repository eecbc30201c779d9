using System.Diagnostics.CodeAnalysis;
using ClosetConnect.AppHost.Hosting.Telemetry;
using Microsoft.Extensions.Logging;

namespace ClosetConnect.AppHost.Hosting.Dashboard;

/// <summary>The query of <c>/logs</c> and <c>/api/logs</c>: <c>?service=&amp;level=Warning&amp;q=text&amp;traceId=&amp;limit=</c>.</summary>
internal sealed record LogListFilter(string? Service, string? Level, string? Q, string? TraceId, int? Limit)
{
    public const int DefaultLimit = 200;
    public const int MaxLimit = 10_000;

    /// <returns>False, with the reason, when <c>level</c> names no log level.</returns>
    public bool TryGetQuery([NotNullWhen(true)] out LogQuery? query, [NotNullWhen(false)] out string? problem)
    {
        LogLevel? minimum = null;
        if (!string.IsNullOrEmpty(Level))
        {
            if (!Enum.TryParse<LogLevel>(Level, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || parsed == LogLevel.None)
            {
                query = null;
                problem = $"level must be one of Trace, Debug, Information, Warning, Error, Critical (got '{Level}').";
                return false;
            }
            minimum = parsed;
        }
        query = new LogQuery(
            string.IsNullOrWhiteSpace(Service) ? null : Service,
            minimum,
            string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(),
            string.IsNullOrWhiteSpace(TraceId) ? null : TraceId.Trim(),
            Math.Clamp(Limit ?? DefaultLimit, 1, MaxLimit));
        problem = null;
        return true;
    }
}
