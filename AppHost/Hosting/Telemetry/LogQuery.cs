using Microsoft.Extensions.Logging;

namespace ClosetConnect.AppHost.Hosting.Telemetry;

/// <summary>Which log records to show, newest first; every filter is optional.</summary>
/// <param name="MinimumLevel">This level and above.</param>
/// <param name="Text">Found in the message or the category, case-insensitively.</param>
internal sealed record LogQuery(string? Service, LogLevel? MinimumLevel, string? Text, string? TraceId, int Limit);
