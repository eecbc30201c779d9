using System.Globalization;
using System.Text.Encodings.Web;

namespace ClosetConnect.AppHost.Hosting.Dashboard;

/// <summary>Plain server-rendered HTML that refreshes itself every few seconds; no script at all.</summary>
internal static class DashboardPage
{
    private const string ProjectType = "Project";

    public static string Render(IReadOnlyList<ResourceSnapshot> snapshots, Func<string, IReadOnlyList<string>> recentLogs)
    {
        var html = HtmlEncoder.Default;
        var page = DashboardLayout.Begin("ClosetConnect AppHost", refreshSeconds: 3);
        page.Append("""
            <p><a href="/api/resources">JSON</a></p>
            <table><thead><tr><th>Resource</th><th>Type</th><th>State</th><th>Health</th><th>Endpoints</th><th>PID</th><th>Restarts</th><th>Note</th></tr></thead><tbody>
            """);
        foreach (var s in snapshots)
        {
            var health = s.Health?.ToString() ?? "none";
            var ports = string.Join(", ", s.Ports.Select(p => $"{p.Key} {p.Value}"));
            page.Append(CultureInfo.InvariantCulture, $"""
                <tr><td><a href="#{html.Encode(s.Name)}">{html.Encode(s.Name)}</a></td><td>{html.Encode(s.ResourceType)}</td><td>{s.State}</td>
                <td class="{health}">{health}</td><td>{html.Encode(ports)}</td><td>{s.Pid}</td><td>{s.Restarts}</td><td>{html.Encode(s.Message ?? string.Empty)}</td></tr>
                """);
        }
        page.Append("</tbody></table>");
        foreach (var s in snapshots)
        {
            // Only projects export telemetry; the servers have console output alone.
            var telemetry = s.ResourceType == ProjectType
                ? $"""· <a href="{DashboardFormat.Href("/traces", ("service", s.Name))}">traces</a> · <a href="{DashboardFormat.Href("/logs", ("service", s.Name))}">structured logs</a>"""
                : string.Empty;
            page.Append(CultureInfo.InvariantCulture, $"""
                <h2 id="{html.Encode(s.Name)}">{html.Encode(s.Name)} <small><a href="/api/resources/{html.Encode(s.Name)}/logs">console</a> {telemetry}</small></h2>
                <pre>{html.Encode(string.Join('\n', recentLogs(s.Name)))}</pre>
                """);
        }
        return DashboardLayout.End(page);
    }
}
