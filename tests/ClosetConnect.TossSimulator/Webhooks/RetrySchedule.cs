namespace ClosetConnect.TossSimulator.Webhooks;

/// <summary>Toss retries a failed webhook 7 times, 1, 4, 16, 64, 256, 1024 and 4096 minutes after each failure.</summary>
public static class RetrySchedule
{
    private static readonly int[] Minutes = [1, 4, 16, 64, 256, 1024, 4096];

    public static int MaxRetries => Minutes.Length;

    /// <summary>The wait before retry number <paramref name="retry"/> (1-based), with one minute lasting <paramref name="minute"/>.</summary>
    public static TimeSpan DelayBefore(int retry, TimeSpan minute) => minute * Minutes[retry - 1];
}
