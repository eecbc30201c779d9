using System.Diagnostics;

namespace ClosetConnect.TestKit;

/// <summary>Polls until a condition holds, and fails with a message that says what never happened (never sleep-then-assert).</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Calls <paramref name="probe"/> until it returns a value; fails naming <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task<T> GetAsync<T>(string what, Func<Task<T?>> probe, CancellationToken cancellationToken, TimeSpan? timeout = null)
        where T : class
    {
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? DefaultTimeout;
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }
            if (deadline.Elapsed > limit)
            {
                Assert.Fail($"{what} did not happen within {limit.TotalSeconds:0} s.");
            }
            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary><see cref="GetAsync{T}"/> for a value type such as a JSON element.</summary>
    public static async Task<T> GetValueAsync<T>(string what, Func<Task<T?>> probe, CancellationToken cancellationToken, TimeSpan? timeout = null)
        where T : struct =>
        (T)await GetAsync<object>(what, async () => await probe(), cancellationToken, timeout);

    public static Task HoldsAsync(string what, Func<Task<bool>> condition, CancellationToken cancellationToken, TimeSpan? timeout = null) =>
        GetAsync<object>(what, async () => await condition() ? true : null, cancellationToken, timeout);

    public static Task HoldsAsync(string what, Func<bool> condition, CancellationToken cancellationToken, TimeSpan? timeout = null) =>
        HoldsAsync(what, () => Task.FromResult(condition()), cancellationToken, timeout);
}
