using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace ClosetConnect.ServiceDefaults.UnitTests.Configuration;

/// <summary>Highest first: environment variables → secret files → appsettings.{Environment}.json → appsettings.json.</summary>
[NonParallelizable]
public sealed class ConfigurationPrecedenceTests
{
    private ServiceFolder folder = null!;
    private string section = null!;

    [SetUp]
    public void CreateFolder()
    {
        folder = new ServiceFolder();
        // A section name of its own, so the process environment of other tests cannot interfere.
        section = $"Probe{Guid.NewGuid():N}";
    }

    [TearDown]
    public void DeleteFolder()
    {
        foreach (var key in new[] { "Env", "File", "EnvJson", "Json" })
        {
            Environment.SetEnvironmentVariable($"{section}__{key}", null);
        }
        folder.Dispose();
    }

    [Test]
    public void Each_layer_overrides_the_ones_below_it()
    {
        // Key X is set in every layer at or below the one it is named after.
        folder.WriteJson("appsettings.json", new { Env = "json", File = "json", EnvJson = "json", Json = "json" }, section);
        folder.WriteJson("appsettings.Staging.json", new { Env = "staging-json", File = "staging-json", EnvJson = "staging-json" }, section);
        folder.WriteSecret($"{section}__Env", "secret-file");
        folder.WriteSecret($"{section}__File", "secret-file");
        Environment.SetEnvironmentVariable($"{section}__Env", "environment-variable");

        var configuration = folder.CreateBuilder(Environments.Staging).AddServiceDefaults().Configuration;

        Assert.Multiple(() =>
        {
            Assert.That(configuration[$"{section}:Env"], Is.EqualTo("environment-variable"));
            Assert.That(configuration[$"{section}:File"], Is.EqualTo("secret-file"));
            Assert.That(configuration[$"{section}:EnvJson"], Is.EqualTo("staging-json"));
            Assert.That(configuration[$"{section}:Json"], Is.EqualTo("json"));
        });
    }

    [Test]
    public void A_missing_secrets_directory_is_not_an_error()
    {
        folder.WriteJson("appsettings.json", new { Json = "json" }, section);

        var configuration = folder.CreateBuilder(Environments.Production, secretsDirectory: "/nonexistent/closetconnect-secrets")
            .AddServiceDefaults().Configuration;

        Assert.That(configuration[$"{section}:Json"], Is.EqualTo("json"));
    }

    [TestCase("Identity.Api")]
    [TestCase("Closet.Api")]
    [TestCase("Payments.Api")]
    [TestCase("Gateway")]
    [TestCase("Vision.Worker")]
    public void Every_service_logs_as_the_Aspire_template_does_and_only_warnings_in_production(string service)
    {
        string Level(string environment, string category) => new ConfigurationBuilder()
            .AddJsonFile(RepositoryPaths.File(service, "appsettings.json"))
            .AddJsonFile(RepositoryPaths.File(service, $"appsettings.{environment}.json"), optional: true)
            .Build()[$"Logging:LogLevel:{category}"]!;

        Assert.Multiple(() =>
        {
            // Per-request framework lines (about six per request) would cut a service's throughput several times over.
            Assert.That(Level("Development", "Default"), Is.EqualTo("Information"));
            Assert.That(Level("Development", "Microsoft.AspNetCore"), Is.EqualTo("Warning"));
            Assert.That(Level("Staging", "Default"), Is.EqualTo("Information"));
            Assert.That(Level("Production", "Default"), Is.EqualTo("Warning"));
        });
    }
}
