using System.Globalization;
using System.Text.Encodings.Web;

namespace ClosetConnect.AppHost.Hosting.Dashboard;

/// <summary>How the pages write times, durations and links; the same on every machine whatever its culture.</summary>
internal static class DashboardFormat
{
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);

    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    public static string Duration(double milliseconds) => milliseconds switch
    {
        < 1 => milliseconds.ToString("0.###", CultureInfo.InvariantCulture) + " ms",
        < 1_000 => milliseconds.ToString("0.#", CultureInfo.InvariantCulture) + " ms",
        _ => (milliseconds / 1_000).ToString("0.##", CultureInfo.InvariantCulture) + " s",
    };

    public static string Percent(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A path with its query, every value URL-encoded and the whole HTML-encoded, ready for <c>href="…"</c>.</summary>
    public static string Href(string path, params (string Name, string? Value)[] query)
    {
        var parts = query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => $"{q.Name}={UrlEncoder.Default.Encode(q.Value!)}").ToList();
        return HtmlEncoder.Default.Encode(parts.Count == 0 ? path : $"{path}?{string.Join('&', parts)}");
    }
}
