using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace ClosetConnect.AppHost.Hosting.Dashboard;

/// <summary>What every dashboard page shares: head, style, title and the links between the pages.</summary>
internal static class DashboardLayout
{
    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
        nav a { margin-right: 1.2rem; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #ddd; vertical-align: top; }
        .Healthy { color: #137333; } .Unhealthy { color: #b3261e; } .none, .note, .Trace, .Debug { color: #777; }
        .Warning { color: #9a6700; } .Error, .Critical { color: #b3261e; font-weight: 600; }
        pre { background: #f6f6f6; padding: .5rem; overflow-x: auto; font-size: .8rem; }
        form label { margin-right: 1rem; }
        .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        .msg { white-space: pre-wrap; word-break: break-word; }
        .id { font-family: ui-monospace, monospace; font-size: .85rem; }
        .lane { width: 35%; min-width: 12rem; }
        .bar { height: .9rem; min-width: 2px; border-radius: 2px; }
        .bar.Error { outline: 2px solid #b3261e; }
        .s0 { background: #1a73e8; } .s1 { background: #188038; } .s2 { background: #e37400; }
        .s3 { background: #8430ce; } .s4 { background: #007b83; } .s5 { background: #795548; }
        details summary { cursor: pointer; }
        details table { width: auto; margin: .3rem 0 .3rem 1rem; font-size: .85rem; }
        """;

    /// <summary>Starts a page: the title (encoded here) is both the document's and the heading.</summary>
    public static StringBuilder Begin(string title, int? refreshSeconds = null)
    {
        var html = HtmlEncoder.Default;
        var refresh = refreshSeconds is { } seconds ? $"""<meta http-equiv="refresh" content="{seconds}">""" : string.Empty;
        var page = new StringBuilder();
        page.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">{refresh}
            <title>{html.Encode(title)}</title><style>{Style}</style></head><body>
            <nav><a href="/">Resources</a><a href="/traces">Traces</a><a href="/logs">Structured logs</a></nav>
            <h1>{html.Encode(title)}</h1>
            """);
        return page;
    }

    public static string End(StringBuilder page) => page.Append("</body></html>").ToString();
}
