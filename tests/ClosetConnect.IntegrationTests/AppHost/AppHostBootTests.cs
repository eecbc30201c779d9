using System.Net;

namespace ClosetConnect.IntegrationTests.AppHost;

/// <summary>The AppHost's own Program, run through the testing builder: every service healthy behind the gateway.</summary>
[NonParallelizable]
[CancelAfter(180_000)]
public sealed class AppHostBootTests
{
    [Test]
    public async Task Every_service_comes_up_healthy_with_the_wiring_of_the_app_model(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);

        using var gateway = app.CreateHttpClient("gateway");
        using var response = await gateway.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(gateway.BaseAddress!.Port, Is.Not.EqualTo(8080), "test mode never takes the dev run's port");

        var identity = app.GetEnvironmentVariables("identity-api");
        Assert.That(identity["ConnectionStrings__identitydb"], Is.EqualTo(await app.GetConnectionStringAsync("identitydb", cancellationToken)));
        Assert.That(identity["Email__PickupDirectory"], Is.EqualTo(app.StatePath("mail")));
        Assert.That(app.GetEnvironmentVariables("gateway")["services__identity-api__http__0"], Is.EqualTo(app.GetEndpoint("identity-api").ToString().TrimEnd('/')));
        Assert.That(app.GetEnvironmentVariables("closet-api")["Blobs__RootPath"], Is.EqualTo(app.StatePath("blobs")));
    }

    [Test]
    public async Task A_server_can_be_stopped_and_started_again_for_fault_tests(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);

        await app.StopResourceAsync("cache", cancellationToken);
        Assert.That(app.ResourceNotifications.GetSnapshot("cache").IsHealthy, Is.False);
        await app.StartResourceAsync("cache", cancellationToken);
        var snapshot = await app.WaitForResourceHealthyAsync("cache", cancellationToken);

        Assert.That(snapshot.Pid, Is.Not.Null);
    }
}
