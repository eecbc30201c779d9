using System.Globalization;

namespace ClosetConnect.TossSimulator.Clock;

/// <summary>Toss writes times in Korea Standard Time: API fields with the +09:00 offset, webhook createdAt without one.</summary>
public static class KstTime
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    /// <summary><c>2022-01-01T11:31:29+09:00</c>, as in requestedAt, approvedAt and canceledAt.</summary>
    public static string Format(DateTimeOffset time) =>
        time.ToOffset(Offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary><c>2023-07-20T16:35:47.729718</c>: microseconds and no offset, as in a webhook's createdAt.</summary>
    public static string FormatLocalMicroseconds(DateTimeOffset time) =>
        time.ToOffset(Offset).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
}
