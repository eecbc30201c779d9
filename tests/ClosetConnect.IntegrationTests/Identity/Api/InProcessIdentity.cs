using ClosetConnect.Identity.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClosetConnect.IntegrationTests.Identity.Api;

/// <summary>
/// Identity.Api in this process (<see cref="WebApplicationFactory{TEntryPoint}"/> on a test server), configured exactly
/// as the AppHost configures its <c>identity-api</c> resource (the same MariaDB database, Redis and RabbitMQ of the shared
/// application), with the test's own overrides on top. Endpoint rules are asked of it directly: no gateway, no rate
/// limit in front, no process to start.
/// </summary>
public sealed class InProcessIdentity : WebApplicationFactory<IdentityDbContext>
{
    private readonly IReadOnlyDictionary<string, string> environment;
    private readonly IReadOnlyDictionary<string, string?> overrides;

    private InProcessIdentity(IReadOnlyDictionary<string, string> environment, IReadOnlyDictionary<string, string?> overrides)
    {
        this.environment = environment;
        this.overrides = overrides;
    }

    public static async Task<InProcessIdentity> StartAsync(IReadOnlyDictionary<string, string?> overrides, CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        var resource = (IResourceWithEnvironment)app.Resources().Single(r => r.Name == "identity-api");
        var configuration = await ExecutionConfigurationBuilder.Create(resource)
            .WithEnvironmentVariablesConfig()
            .BuildAsync(app.Services.GetRequiredService<DistributedApplicationExecutionContext>(), NullLogger.Instance, cancellationToken);
        return new InProcessIdentity(configuration.EnvironmentVariables.ToDictionary(), overrides);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (name, value) in environment)
        {
            builder.UseSetting(name.Replace("__", ":", StringComparison.Ordinal), value);
        }

        if (environment.TryGetValue("ASPNETCORE_ENVIRONMENT", out var hostEnvironment) || environment.TryGetValue("DOTNET_ENVIRONMENT", out hostEnvironment))
        {
            builder.UseEnvironment(hostEnvironment);
        }

        foreach (var (key, value) in overrides)
        {
            builder.UseSetting(key, value);
        }
    }
}
