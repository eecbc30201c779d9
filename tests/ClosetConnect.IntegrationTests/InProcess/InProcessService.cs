using ClosetConnect.IntegrationTests.EndToEnd;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClosetConnect.IntegrationTests.InProcess;

/// <summary>
/// One of the services in this process (<see cref="WebApplicationFactory{TEntryPoint}"/> on a test server), configured
/// exactly as the AppHost configures its resource (the same MariaDB databases, Redis, RabbitMQ and service addresses of
/// the shared application), with the test's own overrides on top. Endpoint rules are asked of it directly: no gateway,
/// no rate limit in front, no process to start. Its background work runs too: it consumes the service's queues beside
/// the AppHost's process, as one more replica would.
/// </summary>
/// <typeparam name="TEntryPoint">
/// A type from the service's assembly: every service declares its own <c>Program</c>, so that name is ambiguous here.
/// </typeparam>
public sealed class InProcessService<TEntryPoint> : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    private readonly IReadOnlyDictionary<string, string> environment;
    private readonly IReadOnlyDictionary<string, string?> overrides;

    private InProcessService(IReadOnlyDictionary<string, string> environment, IReadOnlyDictionary<string, string?> overrides)
    {
        this.environment = environment;
        this.overrides = overrides;
    }

    /// <summary>The service as the AppHost's resource <paramref name="resourceName"/> runs it, plus <paramref name="overrides"/>.</summary>
    public static async Task<InProcessService<TEntryPoint>> StartAsync(
        string resourceName, IReadOnlyDictionary<string, string?> overrides, CancellationToken cancellationToken)
    {
        var app = await SharedAppHost.GetAsync(cancellationToken);
        var resource = (IResourceWithEnvironment)app.Resources().Single(r => r.Name == resourceName);
        var configuration = await ExecutionConfigurationBuilder.Create(resource)
            .WithEnvironmentVariablesConfig()
            .BuildAsync(app.Services.GetRequiredService<DistributedApplicationExecutionContext>(), NullLogger.Instance, cancellationToken);
        var environment = configuration.EnvironmentVariables
            .Where(variable => !variable.Value.Contains("{{", StringComparison.Ordinal))
            .ToDictionary();
        // DCP fills templates such as the service name per replica at launch; in process there is none to fill them.
        // The name is what the event catalogue's [ConsumedBy] knows the service by.
        environment["OTEL_SERVICE_NAME"] = resourceName;
        var service = new InProcessService<TEntryPoint>(environment, overrides);
        // Built here, not on the first request: a service that cannot start fails the fixture's setup, named as such.
        _ = service.Server;
        return service;
    }

    public static Task<InProcessService<TEntryPoint>> StartAsync(string resourceName, CancellationToken cancellationToken) =>
        StartAsync(resourceName, new Dictionary<string, string?>(), cancellationToken);

    /// <summary>A client that calls as <paramref name="account"/>, with the access token its gateway sign-up got.</summary>
    public HttpClient CreateClient(GatewayClient.Account account)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = account.Client.DefaultRequestHeaders.Authorization;
        return client;
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
