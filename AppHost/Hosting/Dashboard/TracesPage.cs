using System.Globalization;
using System.Text.Encodings.Web;
using ClosetConnect.AppHost.Hosting.Telemetry;

namespace ClosetConnect.AppHost.Hosting.Dashboard;

/// <summary>The recent traces, newest first: root span, services involved, duration, span count, status.</summary>
internal static class TracesPage
{
    public static string Render(IReadOnlyList<TraceSummary> traces, IReadOnlyList<string> services, string? service, string note)
    {
        var html = HtmlEncoder.Default;
        var page = DashboardLayout.Begin("Traces");
        page.Append(HtmlFragments.Note(note));
        page.Append(CultureInfo.InvariantCulture, $"""
            <form method="get" action="/traces"><label>Service {HtmlFragments.Select("service", "all services", services, service)}</label>
            <button>Filter</button> <a href="{DashboardFormat.Href("/api/traces", ("service", service))}">JSON</a></form>
            """);
        if (traces.Count == 0)
        {
            page.Append("<p>No traces yet.</p>");
            return DashboardLayout.End(page);
        }
        page.Append("<table><thead><tr><th>Started (UTC)</th><th>Root span</th><th>Services</th><th class=\"num\">Duration</th><th class=\"num\">Spans</th><th>Status</th></tr></thead><tbody>");
        foreach (var trace in traces)
        {
            var status = trace.HasError ? nameof(SpanStatus.Error) : "OK";
            page.Append(CultureInfo.InvariantCulture, $"""
                <tr><td title="{DashboardFormat.Timestamp(trace.Start)}">{DashboardFormat.Time(trace.Start)}</td>
                <td><a href="{DashboardFormat.Href($"/traces/{UrlEncoder.Default.Encode(trace.TraceId)}")}">{html.Encode(trace.RootService)}: {html.Encode(trace.RootName)}</a></td>
                <td>{html.Encode(string.Join(", ", trace.Services))}</td><td class="num">{DashboardFormat.Duration(trace.DurationMs)}</td>
                <td class="num">{trace.SpanCount}</td><td class="{status}">{status}</td></tr>
                """);
        }
        page.Append("</tbody></table>");
        return DashboardLayout.End(page);
    }
}
