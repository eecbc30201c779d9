using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ClosetConnect.ServiceDefaults.UnitTests.Configuration;

/// <summary>Outside Development a service refuses to start on a missing or development secret, and says which key.</summary>
public sealed class RequiredSecretsTests
{
    private const string DevelopmentKey = "ZGV2ZWxvcG1lbnQtb25seS1rZXktZG8tbm90LXVzZSE=";
    private const string RealKey = "q4Zx9m3Vh1b2N0cD5eF6gH7iJ8kL9mN0oP1qR2sT3uU=";
    private ServiceFolder folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        folder = new ServiceFolder();
        folder.WriteJson("appsettings.json", new { Secrets = new { Required = new[] { "FieldEncryption:Keys:*", "Toss:SecretKey" } } });
        folder.WriteJson("appsettings.Development.json", new { FieldEncryption = new { ActiveKeyId = "dev1", Keys = new { dev1 = DevelopmentKey } } });
    }

    [TearDown]
    public void DeleteFolder() => folder.Dispose();

    [Test]
    public async Task Development_starts_on_the_committed_defaults()
    {
        using var host = Build(Environments.Development);

        await host.StartAsync();
        await host.StopAsync();
    }

    [Test]
    public async Task Production_without_a_secret_refuses_to_start_and_names_each_missing_key()
    {
        using var host = Build(Environments.Production, services => services.RequireSecret("ConnectionStrings:closetdb"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(error!.Message, Does.Contain("ConnectionStrings:closetdb").And.Contain("FieldEncryption").And.Contain("Toss:SecretKey"));
    }

    [Test]
    public async Task Staging_refuses_the_development_encryption_key_even_under_another_id()
    {
        folder.WriteSecret("FieldEncryption__Keys__k1", DevelopmentKey);
        folder.WriteSecret("Toss__SecretKey", "live_sk_7Hq2");
        // The value committed for development, reused under the development id.
        folder.WriteSecret("FieldEncryption__Keys__dev1", DevelopmentKey);
        using var host = Build(Environments.Staging);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(error!.Message, Does.Contain("FieldEncryption:Keys:dev1").And.Contain("development default"));
    }

    [TestCase("Server=db;User ID=closet;Database=closetdb", "has no password")]
    [TestCase("Server=db;User ID=closet;Password=<secret>;Database=closetdb", "placeholder")]
    [TestCase("amqp://closetconnect@broker:5672/", "has no password")]
    public async Task A_connection_string_without_a_real_password_is_refused(string connectionString, string reason)
    {
        folder.WriteSecret("FieldEncryption__Keys__k1", RealKey);
        folder.WriteSecret("Toss__SecretKey", "live_sk_7Hq2");
        folder.WriteSecret("ConnectionStrings__closetdb", connectionString);
        using var host = Build(Environments.Production, services => services.RequireSecret("ConnectionStrings:closetdb"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(error!.Message, Does.Contain("ConnectionStrings:closetdb").And.Contain(reason));
    }

    [Test]
    public async Task Production_starts_with_real_secrets_from_files()
    {
        folder.WriteSecret("FieldEncryption__Keys__k1", RealKey);
        folder.WriteSecret("Toss__SecretKey", "live_sk_7Hq2");
        folder.WriteSecret("ConnectionStrings__closetdb", "Server=db;User ID=closet;Password=Zp4rT9wQ;Database=closetdb");
        using var host = Build(Environments.Production, services => services.RequireSecret("ConnectionStrings:closetdb"));

        await host.StartAsync();
        await host.StopAsync();
    }

    private IHost Build(string environment, Action<IServiceCollection>? configure = null)
    {
        var builder = folder.CreateBuilder(environment).AddEnvironmentConfiguration();
        configure?.Invoke(builder.Services);
        return builder.Build();
    }
}
