namespace ClosetConnect.AppHost.Hosting.Restarts;

/// <summary>
/// How long to wait before the next restart: <see cref="InitialDelay"/>, doubling with every crash in a row up to
/// <see cref="MaxDelay"/>. A resource that ran for <see cref="ResetAfter"/> before crashing starts over from the
/// initial delay, so one crash a day does not wait as long as a crash loop.
/// </summary>
public sealed record RestartBackoff(TimeSpan InitialDelay, TimeSpan MaxDelay, TimeSpan ResetAfter)
{
    public static RestartBackoff Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1));

    /// <summary>The crashes in a row after this one: one more, or a fresh start after a long enough run.</summary>
    public int NextStreak(int streak, TimeSpan uptime) => uptime >= ResetAfter ? 1 : streak + 1;

    public TimeSpan DelayFor(int streak)
    {
        var doublings = Math.Clamp(streak - 1, 0, 30);
        var delay = InitialDelay * Math.Pow(2, doublings);
        return delay < MaxDelay ? delay : MaxDelay;
    }
}
