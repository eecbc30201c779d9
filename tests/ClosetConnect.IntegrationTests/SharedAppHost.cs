
namespace ClosetConnect.IntegrationTests;

/// <summary>
/// The whole ClosetConnect application, booted once per test run through Aspire.Hosting.Testing (not once per test, as
/// Aspire's documented pattern does): a temporary state directory, random ports, and the Aspire dashboard on free
/// ports, whose telemetry API the tracing test reads. The first test that asks boots it; the run's end stops it.
/// </summary>
[SetUpFixture]
public sealed class SharedAppHost
{
    private static readonly SemaphoreSlim BootGate = new(1, 1);
    private static DistributedApplication? app;
    private static string? stateDirectory;

    /// <summary>The running application, every resource healthy.</summary>
    public static async Task<DistributedApplication> GetAsync(CancellationToken cancellationToken)
    {
        await BootGate.WaitAsync(cancellationToken);
        try
        {
            if (app is null)
            {
                var boot = System.Diagnostics.Stopwatch.StartNew();
                var state = new TemporaryState();
                stateDirectory = state.Path;
                // The admin tests need a first admin: the bootstrap account, promoted once it verifies its email.
                var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
                    new DistributedApplicationTestingBuilderOptions { EnableDashboard = true },
                    [state.Argument, $"--AppHost:BootstrapAdminEmail={EndToEnd.GatewayClient.AdminEmail}", .. Dashboard.Arguments()],
                    cancellationToken);
                var booting = await builder.BuildAsync(cancellationToken);
                try
                {
                    await booting.StartAsync(cancellationToken);
                    foreach (var resource in booting.Resources().Where(r => r is ProjectResource or IResourceWithConnectionString))
                    {
                        await booting.WaitUntilHealthyAsync(resource.Name, cancellationToken);
                    }
                }
                catch
                {
                    // A boot that timed out would keep its servers and services running beside the next test's
                    // boot, and past the test host (DCP outlives it).
                    await booting.DisposeAsync();
                    state.Dispose();
                    stateDirectory = null;
                    throw;
                }
                app = booting;
                await TestContext.Progress.WriteLineAsync($"The shared application was healthy {boot.Elapsed.TotalSeconds:0.0} s after its start.");
            }
            foreach (var resource in app.Resources().Where(r => r is ProjectResource or IResourceWithConnectionString))
            {
                await app.WaitUntilHealthyAsync(resource.Name, cancellationToken);
            }
            // A degraded gateway still answers its probe (200), but its limits are not enforced until its Redis
            // connection is back (after a test stopped or killed the cache).
            using var gateway = app.CreateHttpClient("gateway");
            await Eventually.HoldsAsync("the gateway reporting Healthy (its rate limiter reconnected to Redis)",
                async () => await gateway.GetStringAsync(new Uri("/health", UriKind.Relative), cancellationToken) == "Healthy",
                cancellationToken);
            return app;
        }
        finally
        {
            BootGate.Release();
        }
    }

    [OneTimeTearDown]
    public static async Task StopAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
            app = null;
        }
        if (stateDirectory is not null)
        {
            Directory.Delete(stateDirectory, recursive: true);
        }
    }
}
