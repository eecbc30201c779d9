using System.Net;

namespace ClosetConnect.Payments.Tests.TossSimulator;

/// <summary>The simulator's own configuration: bad settings fail at start, and it needs no secrets to run.</summary>
public sealed class StartupTests
{
    [Test]
    public void A_secret_key_without_test_or_live_prefix_fails_at_start_naming_the_key()
    {
        using var factory = new SimulatorFactory(new Dictionary<string, string?> { ["Simulator:SecretKeys:0"] = "sk_without_prefix" });

        Assert.That(() => factory.CreateClient(), Throws.Exception.With.Message.Contains("Simulator:SecretKeys"));
    }

    [Test]
    public void A_relative_webhook_url_fails_at_start_naming_the_key()
    {
        using var factory = new SimulatorFactory(new Dictionary<string, string?> { ["Simulator:WebhookUrl"] = "/webhooks" });

        Assert.That(() => factory.CreateClient(), Throws.Exception.With.Message.Contains("Simulator:WebhookUrl"));
    }

    [Test]
    public async Task Outside_Development_it_starts_without_any_secret_or_connection_string()
    {
        await using var factory = new SimulatorFactory(environment: "Production");
        using var client = factory.CreateClient();

        using var health = await client.GetAsync("/health");

        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
