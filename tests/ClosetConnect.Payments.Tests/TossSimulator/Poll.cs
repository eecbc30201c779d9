using System.Diagnostics;

namespace ClosetConnect.Payments.Tests.TossSimulator;

/// <summary>Polls until a condition holds, failing with a message that says what never happened (never sleep-then-assert).</summary>
public static class Poll
{
    public static async Task UntilAsync(string what, Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(15);
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > limit)
            {
                Assert.Fail($"{what} did not happen within {limit.TotalSeconds:0} s.");
            }
            await Task.Delay(50);
        }
    }

    public static Task UntilAsync(string what, Func<bool> condition, TimeSpan? timeout = null) =>
        UntilAsync(what, () => Task.FromResult(condition()), timeout);
}
