using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace ClosetConnect.AppHost.Hosting.Dashboard;

/// <summary>Plain server-rendered HTML that refreshes itself every few seconds; no script at all.</summary>
internal static class DashboardPage
{
    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #ddd; }
        .Healthy { color: #137333; } .Unhealthy { color: #b3261e; } .none { color: #888; }
        pre { background: #f6f6f6; padding: .5rem; overflow-x: auto; font-size: .8rem; }
        """;

    public static string Render(IReadOnlyList<ResourceSnapshot> snapshots, Func<string, IReadOnlyList<string>> recentLogs)
    {
        var html = HtmlEncoder.Default;
        var page = new StringBuilder();
        page.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="3">
            <title>ClosetConnect AppHost</title><style>{Style}</style></head><body>
            <h1>ClosetConnect AppHost</h1>
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
            page.Append(CultureInfo.InvariantCulture, $"""
                <h2 id="{html.Encode(s.Name)}">{html.Encode(s.Name)} <small><a href="/api/resources/{html.Encode(s.Name)}/logs">logs</a></small></h2>
                <pre>{html.Encode(string.Join('\n', recentLogs(s.Name)))}</pre>
                """);
        }
        page.Append("</body></html>");
        return page.ToString();
    }
}
