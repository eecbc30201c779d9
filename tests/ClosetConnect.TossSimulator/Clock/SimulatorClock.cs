namespace ClosetConnect.TossSimulator.Clock;

/// <summary>
/// The simulator's notion of now: the real clock plus an offset that <c>POST /simulator/clock</c> moves forward, so a test
/// can reach Toss's 10- and 30-minute expiries and the 15-day idempotency lifetime at once. Timers and timestamps stay on
/// real time (a delay still takes as long as it says).
/// </summary>
public sealed class SimulatorClock(TimeProvider inner) : TimeProvider
{
    private long offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);

    /// <summary>Moves now forward (never back: expiries and stored keys would come back to life).</summary>
    public DateTimeOffset Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref offsetTicks, by.Ticks);
        return GetUtcNow();
    }
}
