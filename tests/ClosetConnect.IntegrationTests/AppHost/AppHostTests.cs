using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ClosetConnect.IntegrationTests.AppHost;

/// <summary>The real AppHost/Program.cs on Aspire, run through Aspire.Hosting.Testing: wiring, dashboard, restarts.</summary>
[NonParallelizable]
[CancelAfter(180_000)]
public sealed class AppHostTests
{
    [Test]
    public async Task Every_service_comes_up_healthy_with_the_wiring_of_the_app_model(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);

        using var gateway = app.CreateHttpClient("gateway");
        using var response = await gateway.GetAsync(new Uri("/api/v1/health", UriKind.Relative), cancellationToken);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync(cancellationToken));
        Assert.That(gateway.BaseAddress!.Port, Is.Not.EqualTo(8080), "test mode never takes the dev run's port");

        var identity = app.EnvironmentOf("identity-api");
        Assert.That(identity["ConnectionStrings__identitydb"], Is.EqualTo(await app.GetConnectionStringAsync("identitydb", cancellationToken)));
        Assert.That(identity["Email__PickupDirectory"], Is.EqualTo(app.StatePath("mail")));
        Assert.That(app.EnvironmentOf("gateway")["services__identity-api__http__0"], Is.EqualTo(app.GetEndpoint("identity-api").ToString().TrimEnd('/')));
        Assert.That(app.EnvironmentOf("closet-api")["Blobs__RootPath"], Is.EqualTo(app.StatePath("blobs")));
    }

    [Test]
    public async Task A_server_can_be_stopped_and_started_again_for_fault_tests(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);

        await app.StopResourceAsync("cache", cancellationToken);
        try
        {
            Assert.That(app.Snapshot("cache").HealthStatus, Is.Not.EqualTo(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy));
        }
        finally
        {
            // Every later test needs the shared cache back, whatever happened above.
            await app.StartResourceAsync("cache", cancellationToken);
        }

        Assert.That(app.Snapshot("cache").HealthStatus, Is.EqualTo(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy));
    }

    [TestCase("payments-api")]
    [TestCase("cache")]
    public async Task A_process_that_crashes_is_restarted_and_the_dashboard_says_so(string resource, CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        var restartsBefore = Restarts(app, resource);
        // A project runs under `dotnet run`: the crash is the service process itself, below it.
        var started = app.ProcessId(resource);
        var victim = ProcessTable.DescendantsOf(started).DefaultIfEmpty(started).Last();

        System.Diagnostics.Process.GetProcessById(victim).Kill();

        await Eventually.HoldsAsync($"{resource} restarted after its crash", () => Restarts(app, resource) == restartsBefore + 1, cancellationToken);
        await app.WaitUntilHealthyAsync(resource, cancellationToken);
        Assert.That(app.ProcessId(resource), Is.Not.EqualTo(started), "a new process");
        var log = string.Join('\n', await app.ConsoleLogsAsync(app.Resource<IResource>(resource)));
        Assert.That(log, Does.Contain("exited unexpectedly"), "the console log says what happened");
    }

    [Test]
    public async Task The_Aspire_dashboard_answers_and_its_telemetry_API_knows_the_services(CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        using var dashboard = await Dashboard.CreateClientAsync(app, cancellationToken);

        var page = await dashboard.GetStringAsync(new Uri("/", UriKind.Relative), cancellationToken);
        Assert.That(page, Does.Contain("<meta name=\"aspire-version\""));
        var resources = await Eventually.GetAsync("services sending telemetry to the dashboard", async () =>
        {
            var names = (await dashboard.GetFromJsonAsync<JsonElement>(new Uri("/api/telemetry/resources", UriKind.Relative), cancellationToken))
                .EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToList();
            return names.Contains("gateway") && names.Contains("identity-api") ? names : null;
        }, cancellationToken);
        Assert.That(resources, Is.SupersetOf(new[] { "gateway", "identity-api", "closet-api", "payments-api", "vision-worker" }));
    }

    private static int Restarts(DistributedApplication app, string resource) =>
        app.Snapshot(resource).Properties.FirstOrDefault(p => p.Name == RestartPolicyExtensions.RestartsProperty)?.Value is { } value
            ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)
            : 0;
}
