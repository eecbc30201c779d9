using ClosetConnect.AppHost.Hosting;
using ClosetConnect.AppHost.Hosting.Testing;

namespace ClosetConnect.IntegrationTests;

/// <summary>
/// The whole ClosetConnect application, booted once per test run (not once per test, as Aspire's documented pattern
/// does) in test mode: temporary state, random ports. The first test that asks boots it; the run's end stops it.
/// </summary>
[SetUpFixture]
public sealed class SharedAppHost
{
    private static readonly SemaphoreSlim BootGate = new(1, 1);
    private static DistributedApplication? app;

    /// <summary>The running application, every resource healthy.</summary>
    public static async Task<DistributedApplication> GetAsync(CancellationToken cancellationToken)
    {
        await BootGate.WaitAsync(cancellationToken);
        try
        {
            if (app is null)
            {
                // The admin tests need a first admin: the bootstrap account, promoted once it verifies its email.
                // The OTLP receiver is on (a free port, as every port in test mode): telemetry tests read what the
                // services exported, and the others pay only for a small batch of protobuf a second.
                var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
                    [$"--AppHost:BootstrapAdminEmail={EndToEnd.GatewayClient.AdminEmail}", "--AppHost:OtlpReceiver:Enabled=true"], cancellationToken);
                var booting = await builder.BuildAsync(cancellationToken);
                await booting.StartAsync(cancellationToken);
                app = booting;
            }
            foreach (var resource in app.Resources)
            {
                await app.WaitForResourceHealthyAsync(resource.Name, cancellationToken);
            }
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
    }
}
