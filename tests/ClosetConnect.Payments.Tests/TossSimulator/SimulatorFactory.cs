using ClosetConnect.TossSimulator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ClosetConnect.Payments.Tests.TossSimulator;

/// <summary>The simulator in memory, with its settings overridden per fixture (keys as <c>Simulator:SecretKeys:0</c>).</summary>
public sealed class SimulatorFactory(IReadOnlyDictionary<string, string?>? settings = null, string environment = "Development")
    : WebApplicationFactory<SimulatorAssembly>
{
    public const string SecretKey = "test_sk_closetconnect_simulator";
    public const string ClientKey = "test_ck_closetconnect_simulator";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        // No background sweep in between: tests see expiry when they look (lazily), deterministically.
        builder.UseSetting("Simulator:ExpirySweepInterval", "01:00:00");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }

    public TossTestClient CreateTossClient() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
}
