using ClosetConnect.AppHost.Hosting.Restarts;

namespace ClosetConnect.AppHost.Tests.Model;

public sealed class RestartBackoffTests
{
    private static readonly RestartBackoff Backoff = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1));

    [Test]
    public void Quick_crashes_back_off_exponentially_up_to_the_cap()
    {
        var streak = 0;
        var delays = new List<double>();
        for (var crash = 0; crash < 7; crash++)
        {
            streak = Backoff.NextStreak(streak, uptime: TimeSpan.FromSeconds(2));
            delays.Add(Backoff.DelayFor(streak).TotalSeconds);
        }

        Assert.That(delays, Is.EqualTo(new double[] { 1, 2, 4, 8, 16, 30, 30 }));
    }

    [Test]
    public void A_crash_after_a_long_run_starts_the_backoff_over()
    {
        var streak = Backoff.NextStreak(Backoff.NextStreak(Backoff.NextStreak(0, TimeSpan.Zero), TimeSpan.Zero), TimeSpan.Zero);
        Assert.That(Backoff.DelayFor(streak), Is.EqualTo(TimeSpan.FromSeconds(4)));

        streak = Backoff.NextStreak(streak, uptime: TimeSpan.FromMinutes(5));

        Assert.That(Backoff.DelayFor(streak), Is.EqualTo(TimeSpan.FromSeconds(1)));
    }
}
