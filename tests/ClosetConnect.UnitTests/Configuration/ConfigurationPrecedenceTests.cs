using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace ClosetConnect.UnitTests.Configuration;

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
    public void Every_service_logs_debug_in_development_information_in_staging_and_warnings_in_production(string service)
    {
        string DefaultLevel(string environment) => new ConfigurationBuilder()
            .AddJsonFile(RepositoryRoot.File(service, "appsettings.json"))
            .AddJsonFile(RepositoryRoot.File(service, $"appsettings.{environment}.json"))
            .Build()["Logging:LogLevel:Default"]!;

        Assert.Multiple(() =>
        {
            Assert.That(DefaultLevel("Development"), Is.EqualTo("Debug"));
            Assert.That(DefaultLevel("Staging"), Is.EqualTo("Information"));
            Assert.That(DefaultLevel("Production"), Is.EqualTo("Warning"));
        });
    }
}
