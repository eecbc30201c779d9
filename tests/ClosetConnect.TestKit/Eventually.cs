using System.Collections;
using System.Diagnostics;

namespace ClosetConnect.TestKit;

/// <summary>
/// The one way tests wait: observe until the observation is the awaited one, and fail after a deadline with a message
/// that says what was awaited and what was last observed (never sleep-then-assert, never a loop without an end).
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Calls <paramref name="observe"/> until <paramref name="done"/> accepts what it returned, and returns that. After
    /// <paramref name="timeout"/> it fails naming <paramref name="what"/> and the last observation. An exception that
    /// <paramref name="retryOn"/> accepts (a server not listening yet) counts as an observation, not a failure.
    /// </summary>
    public static async Task<T> UntilAsync<T>(string what, Func<Task<T>> observe, Func<T, bool> done, CancellationToken cancellationToken,
        TimeSpan? timeout = null, Func<Exception, bool>? retryOn = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? DefaultTimeout;
        var last = "nothing (no observation finished)";
        while (true)
        {
            try
            {
                var observed = await observe();
                if (done(observed))
                {
                    return observed;
                }

                last = Describe(observed);
            }
            catch (Exception e) when (retryOn?.Invoke(e) == true && !cancellationToken.IsCancellationRequested)
            {
                last = $"{e.GetType().Name}: {e.Message}";
            }

            if (clock.Elapsed > limit)
            {
                Assert.Fail($"{what} did not happen within {limit.TotalSeconds:0} s; last observed: {last}");
            }

            await Task.Delay(Interval, cancellationToken);
        }
    }

    /// <summary>Calls <paramref name="probe"/> until it returns a value; fails naming <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static Task<T> GetAsync<T>(string what, Func<Task<T?>> probe, CancellationToken cancellationToken, TimeSpan? timeout = null)
        where T : class =>
        UntilAsync(what, probe, value => value is not null, cancellationToken, timeout)!;

    /// <summary><see cref="GetAsync{T}"/> for a value type such as a JSON element.</summary>
    public static async Task<T> GetValueAsync<T>(string what, Func<Task<T?>> probe, CancellationToken cancellationToken, TimeSpan? timeout = null)
        where T : struct =>
        (await UntilAsync(what, probe, value => value.HasValue, cancellationToken, timeout)).GetValueOrDefault();

    public static Task HoldsAsync(string what, Func<Task<bool>> condition, CancellationToken cancellationToken, TimeSpan? timeout = null) =>
        UntilAsync(what, condition, holds => holds, cancellationToken, timeout);

    public static Task HoldsAsync(string what, Func<bool> condition, CancellationToken cancellationToken, TimeSpan? timeout = null) =>
        HoldsAsync(what, () => Task.FromResult(condition()), cancellationToken, timeout);

    /// <summary>An observation as a failure message shows it: records print their members, collections their items.</summary>
    public static string Describe(object? observed) => observed switch
    {
        null => "null",
        string text => $"\"{text}\"",
        IEnumerable items => $"[{string.Join(", ", items.Cast<object?>().Select(Describe))}]",
        _ => observed.ToString() ?? observed.GetType().Name,
    };
}
