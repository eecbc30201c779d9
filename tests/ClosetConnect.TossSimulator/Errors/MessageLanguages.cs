using Microsoft.Net.Http.Headers;

namespace ClosetConnect.TossSimulator.Errors;

public static class MessageLanguages

{
    /// <summary>English when the most preferred language of Accept-Language is any English; Korean otherwise.</summary>
    public static MessageLanguage Of(HttpRequest request)
    {
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var languages) || languages.Count == 0)
        {
            return MessageLanguage.Korean;
        }
        var preferred = languages.OrderByDescending(l => l.Quality ?? 1).First().Value;
        return preferred.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? MessageLanguage.English : MessageLanguage.Korean;
    }
}
