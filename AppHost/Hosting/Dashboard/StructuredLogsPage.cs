using System.Globalization;
using System.Text.Encodings.Web;
using ClosetConnect.AppHost.Hosting.Telemetry;
using Microsoft.Extensions.Logging;

namespace ClosetConnect.AppHost.Hosting.Dashboard;

/// <summary>The services' structured logs, newest first, filtered by service, level, text and trace.</summary>
internal static class StructuredLogsPage
{
    private static readonly string[] Levels = [.. Enum.GetValues<LogLevel>().Where(l => l != LogLevel.None).Select(l => l.ToString())];

    public static string Render(IReadOnlyList<StoredLogRecord> records, IReadOnlyList<string> services, LogQuery query, string note)
    {
        var html = HtmlEncoder.Default;
        var page = DashboardLayout.Begin("Structured logs");
        page.Append(HtmlFragments.Note(note));
        page.Append(CultureInfo.InvariantCulture, $"""
            <form method="get" action="/logs">
            <label>Service {HtmlFragments.Select("service", "all services", services, query.Service)}</label>
            <label>Level {HtmlFragments.Select("level", "any level", Levels, query.MinimumLevel?.ToString())} and above</label>
            <label>Text <input name="q" value="{html.Encode(query.Text ?? string.Empty)}"></label>
            <label>Trace <input name="traceId" size="34" value="{html.Encode(query.TraceId ?? string.Empty)}"></label>
            <button>Filter</button>
            <a href="{DashboardFormat.Href("/api/logs", ("service", query.Service), ("level", query.MinimumLevel?.ToString()), ("q", query.Text), ("traceId", query.TraceId))}">JSON</a>
            </form>
            """);
        if (records.Count == 0)
        {
            page.Append("<p>No log records match.</p>");
            return DashboardLayout.End(page);
        }
        page.Append("<table><thead><tr><th>Time (UTC)</th><th>Service</th><th>Level</th><th>Message</th><th>Trace</th></tr></thead><tbody>");
        foreach (var record in records)
        {
            var trace = record.TraceId is { } traceId
                ? $"""<a class="id" href="{DashboardFormat.Href($"/traces/{UrlEncoder.Default.Encode(traceId)}")}">{html.Encode(traceId[..Math.Min(12, traceId.Length)])}</a>"""
                : string.Empty;
            var attributes = record.Attributes.Count == 0
                ? string.Empty
                : $"<details><summary>{record.Attributes.Count} attributes</summary>{HtmlFragments.Attributes(record.Attributes)}</details>";
            page.Append(CultureInfo.InvariantCulture, $"""
                <tr><td title="{DashboardFormat.Timestamp(record.Time)}">{DashboardFormat.Time(record.Time)}</td><td>{html.Encode(record.ServiceName)}</td>
                <td class="{record.Level}">{record.Level}</td>
                <td><div class="msg">{html.Encode(record.Message)}</div><div class="note">{html.Encode(record.Category)}</div>{attributes}</td>
                <td>{trace}</td></tr>
                """);
        }
        page.Append("</tbody></table>");
        return DashboardLayout.End(page);
    }
}
