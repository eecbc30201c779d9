using System.Globalization;
using System.Text.Json;

namespace ClosetConnect.TossSimulator.Api;

/// <summary>Reads request bodies by hand, so a malformed one is Toss's 400 INVALID_REQUEST rather than a framework problem.</summary>
public static class JsonBody
{
    /// <summary>The body's JSON object, or null when it is empty, not JSON, or not an object.</summary>
    public static async Task<JsonElement?> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A string member, or null when it is missing, null or not a string.</summary>
    public static string? String(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>
    /// A whole, positive amount given as a number or a numeric string (the official sample forwards successUrl's
    /// <c>amount</c> string as is). Missing → <see cref="AmountReading.Missing"/>; anything else → <see cref="AmountReading.Invalid"/>.
    /// </summary>
    public static AmountReading Amount(JsonElement body, string name, out long amount)
    {
        amount = 0;
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return AmountReading.Missing;
        }
        var parsed = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDecimal(out var number) => number,
            JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) => number,
            _ => (decimal?)null,
        };
        if (parsed is not { } whole || whole < 1 || whole != decimal.Truncate(whole) || whole > long.MaxValue)
        {
            return AmountReading.Invalid;
        }
        amount = (long)whole;
        return AmountReading.Read;
    }
}
