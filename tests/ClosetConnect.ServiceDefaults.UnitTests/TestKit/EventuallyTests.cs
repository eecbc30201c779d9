namespace ClosetConnect.ServiceDefaults.UnitTests.TestKit;

/// <summary>The one way tests wait: a wait that never comes true fails in time, saying what it awaited and what it last saw.</summary>
public sealed class EventuallyTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(300);

    [Test]
    public async Task A_wait_that_never_comes_true_fails_naming_what_was_awaited_and_the_last_observation()
    {
        var observations = 0;

        var failure = await Assert.ThrowsAsync<AssertionException>(() => Eventually.UntilAsync("the order paid",
            () => Task.FromResult(new Order($"pending-{++observations}")), order => order.Status == "paid", CancellationToken.None, Short));

        Assert.That(failure?.Message, Does.Contain("the order paid did not happen within").And.Contain($"Order {{ Status = pending-{observations} }}"));
    }

    [Test]
    public async Task An_exception_it_may_retry_on_is_the_last_observation_not_the_failure()
    {
        var failure = await Assert.ThrowsAsync<AssertionException>(() => Eventually.UntilAsync<int>("the server answering",
            () => throw new HttpRequestException("Connection refused"), _ => true, CancellationToken.None, Short, retryOn: e => e is HttpRequestException));

        Assert.That(failure?.Message, Does.Contain("last observed: HttpRequestException: Connection refused"));
    }

    private sealed record Order(string Status);
}
