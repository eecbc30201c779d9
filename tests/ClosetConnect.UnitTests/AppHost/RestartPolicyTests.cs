using ClosetConnect.AppHost.Hosting.Orchestration;

namespace ClosetConnect.UnitTests.AppHost;

[CancelAfter(10_000)]
public sealed class RestartPolicyTests
{
    private static readonly RestartPolicy Policy = new(
        InitialDelay: TimeSpan.FromMilliseconds(10), MaxDelay: TimeSpan.FromMilliseconds(40), ResetAfter: TimeSpan.FromMinutes(1));

    [Test]
    public async Task Quick_crashes_back_off_exponentially_up_to_the_cap(CancellationToken cancellationToken)
    {
        var crashes = 5;
        var delays = new List<TimeSpan>();

        await Policy.SuperviseAsync(
            _ => Task.FromResult(crashes-- > 0 ? new RunOutcome(true, 1, TimeSpan.FromSeconds(1)) : RunOutcome.Stopped),
            restart => delays.Add(restart.Delay),
            TimeProvider.System,
            cancellationToken);

        Assert.That(delays.Select(d => d.TotalMilliseconds), Is.EqualTo(new double[] { 10, 20, 40, 40, 40 }));
    }

    [Test]
    public async Task A_crash_after_a_long_healthy_run_starts_the_backoff_over(CancellationToken cancellationToken)
    {
        var outcomes = new Queue<RunOutcome>([
            new(true, 1, TimeSpan.FromSeconds(1)),
            new(true, 1, TimeSpan.FromSeconds(1)),
            new(true, 1, TimeSpan.FromMinutes(5)),
            new(true, 1, TimeSpan.FromSeconds(1)),
            RunOutcome.Stopped,
        ]);
        var delays = new List<TimeSpan>();

        await Policy.SuperviseAsync(_ => Task.FromResult(outcomes.Dequeue()), restart => delays.Add(restart.Delay), TimeProvider.System, cancellationToken);

        Assert.That(delays.Select(d => d.TotalMilliseconds), Is.EqualTo(new double[] { 10, 20, 10, 10 }));
    }

    [Test]
    public void Cancellation_ends_supervision()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        Assert.That(
            () => Policy.SuperviseAsync(_ => Task.FromResult(new RunOutcome(true, 1, TimeSpan.Zero)), _ => { }, TimeProvider.System, cancellation.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }
}
