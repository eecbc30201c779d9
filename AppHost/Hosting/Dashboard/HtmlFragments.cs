using System.Text;
using System.Text.Encodings.Web;
using ClosetConnect.AppHost.Hosting.Telemetry;

namespace ClosetConnect.AppHost.Hosting.Dashboard;

/// <summary>Pieces more than one telemetry page uses; every value they show is HTML-encoded.</summary>
internal static class HtmlFragments
{
    /// <summary>A drop-down of choices; the empty value stands for "all".</summary>
    public static string Select(string name, string allLabel, IEnumerable<string> choices, string? selected)
    {
        var html = HtmlEncoder.Default;
        var select = new StringBuilder($"""<select name="{name}"><option value="">{html.Encode(allLabel)}</option>""");
        foreach (var choice in choices)
        {
            var chosen = choice == selected ? " selected" : string.Empty;
            select.Append($"""<option value="{html.Encode(choice)}"{chosen}>{html.Encode(choice)}</option>""");
        }
        return select.Append("</select>").ToString();
    }

    public static string Attributes(IReadOnlyList<TelemetryAttribute> attributes)
    {
        if (attributes.Count == 0)
        {
            return string.Empty;
        }
        var html = HtmlEncoder.Default;
        var table = new StringBuilder("<table>");
        foreach (var attribute in attributes)
        {
            table.Append($"""<tr><td class="id">{html.Encode(attribute.Key)}</td><td class="msg">{html.Encode(attribute.Value)}</td></tr>""");
        }
        return table.Append("</table>").ToString();
    }

    public static string Note(string note) => $"""<p class="note">{HtmlEncoder.Default.Encode(note)}</p>""";
}
