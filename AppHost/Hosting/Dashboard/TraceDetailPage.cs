using System.Globalization;
using System.Text.Encodings.Web;
using ClosetConnect.AppHost.Hosting.Telemetry;

namespace ClosetConnect.AppHost.Hosting.Dashboard;

/// <summary>
/// One trace as an indented waterfall: each span under its parent, a bar placed by its offset and length within the
/// trace, and its kind, ids, attributes, events and status folded in a <c>details</c> element (no script needed).
/// </summary>
internal static class TraceDetailPage
{
    private const int ServiceColours = 6;

    public static string Render(TraceDetail trace)
    {
        var html = HtmlEncoder.Default;
        var root = trace.Spans[0].Span;
        var page = DashboardLayout.Begin($"{root.ServiceName}: {root.Name}");
        var encodedId = UrlEncoder.Default.Encode(trace.TraceId);
        page.Append(CultureInfo.InvariantCulture, $"""
            <p>Trace <span class="id">{html.Encode(trace.TraceId)}</span> · started {DashboardFormat.Timestamp(trace.Start)} ·
            {DashboardFormat.Duration(trace.DurationMs)} · {trace.Spans.Count} spans · {html.Encode(string.Join(", ", trace.Services))} ·
            <a href="{DashboardFormat.Href("/logs", ("traceId", trace.TraceId))}">its logs</a> · <a href="{DashboardFormat.Href($"/api/traces/{encodedId}")}">JSON</a></p>
            <table><thead><tr><th>Span</th><th>Service</th><th class="lane">Timeline</th><th class="num">Start</th><th class="num">Duration</th><th>Status</th></tr></thead><tbody>
            """);
        foreach (var node in trace.Spans)
        {
            var span = node.Span;
            var (left, width) = Bar(node.OffsetMs, span.DurationMs, trace.DurationMs);
            var colour = Math.Max(0, IndexOf(trace.Services, span.ServiceName)) % ServiceColours;
            page.Append(CultureInfo.InvariantCulture, $"""
                <tr><td style="padding-left:{Indent(node.Depth)}rem"><details><summary>{html.Encode(span.Name)}</summary>{Details(span)}</details></td>
                <td>{html.Encode(span.ServiceName)}</td>
                <td class="lane"><div class="bar s{colour} {span.Status}" style="margin-left:{DashboardFormat.Percent(left)}%;width:{DashboardFormat.Percent(width)}%"></div></td>
                <td class="num">+{DashboardFormat.Duration(node.OffsetMs)}</td><td class="num">{DashboardFormat.Duration(span.DurationMs)}</td>
                <td class="{span.Status}">{span.Status}</td></tr>
                """);
        }
        page.Append("</tbody></table>");
        return DashboardLayout.End(page);
    }

    public static string RenderNotFound(string traceId, string note)
    {
        var page = DashboardLayout.Begin("Trace not found");
        page.Append(CultureInfo.InvariantCulture, $"""
            <p>No span of trace <span class="id">{HtmlEncoder.Default.Encode(traceId)}</span> is here: it has not been exported yet
            (services send every second), or it was pushed out of the buffers by newer ones.</p>
            """);
        page.Append(HtmlFragments.Note(note));
        return DashboardLayout.End(page);
    }

    /// <summary>Left edge and width in percent of the trace; every span stays visible, however short.</summary>
    internal static (double Left, double Width) Bar(double offsetMs, double durationMs, double traceMs)
    {
        if (traceMs <= 0)
        {
            return (0, 100);
        }
        var left = Math.Clamp(offsetMs / traceMs * 100, 0, 99.5);
        var width = Math.Clamp(durationMs / traceMs * 100, 0.5, 100 - left);
        return (left, width);
    }

    private static string Indent(int depth) => (0.6m + (depth * 1.2m)).ToString(CultureInfo.InvariantCulture);

    private static string Details(StoredSpan span)
    {
        var html = HtmlEncoder.Default;
        var parent = span.ParentSpanId is null ? "none (root)" : span.ParentSpanId;
        var status = span.StatusMessage is null ? string.Empty : $"<br>Status: {html.Encode(span.StatusMessage)}";
        var events = string.Concat(span.Events.Select(e =>
            $"""<br>Event <b>{html.Encode(e.Name)}</b> at {DashboardFormat.Time(e.Time)}{HtmlFragments.Attributes(e.Attributes)}"""));
        return $"""
            <div class="note">{html.Encode(span.Kind)} · {html.Encode(span.Scope)} · span <span class="id">{html.Encode(span.SpanId)}</span> ·
            parent <span class="id">{html.Encode(parent)}</span>{status}</div>{HtmlFragments.Attributes(span.Attributes)}{events}
            """;
    }

    private static int IndexOf(IReadOnlyList<string> services, string service)
    {
        for (var i = 0; i < services.Count; i++)
        {
            if (services[i] == service)
            {
                return i;
            }
        }
        return -1;
    }
}
