using Aspire.Hosting.Eventing;
using Microsoft.Extensions.DependencyInjection;

namespace ClosetConnect.AppHost.Tests.Model;

/// <summary>The settings eng/bench starts the AppHost with, applied as the model starts (built and started up to DCP, never run).</summary>
public sealed class BenchmarkRunOptionsTests
{
    [Test]
    public async Task By_default_every_project_and_server_sits_behind_a_DCP_proxy_and_keeps_every_trace()
    {
        await using var app = await StartingAsync([]);

        Assert.That(Endpoints(app).Select(e => e.Endpoint.IsProxied), Has.All.True);
        Assert.That(await EnvironmentAsync(app, "closet-api"), Does.ContainKey("OTEL_TRACES_SAMPLER").WithValue("always_on"));
    }

    [Test]
    public async Task Proxyless_endpoints_take_out_DCP_proxies_from_every_project_and_server()
    {
        await using var app = await StartingAsync(["--AppHost:ProxylessEndpoints=true"]);

        var endpoints = Endpoints(app).ToList();
        Assert.That(endpoints.Select(e => e.Resource), Is.SupersetOf(new[] { "gateway", "closet-api", "mariadb", "messaging", "cache" }));
        Assert.That(endpoints.Where(e => e.Endpoint.IsProxied).Select(e => $"{e.Resource}/{e.Endpoint.Name}"), Is.Empty);
    }

    [Test]
    public async Task A_trace_sample_ratio_replaces_Aspires_keep_everything_default_in_every_project()
    {
        await using var app = await StartingAsync(["--AppHost:TraceSampleRatio=0.01"]);

        foreach (var project in Resources(app).OfType<ProjectResource>())
        {
            var environment = await EnvironmentAsync(app, project.Name);
            Assert.That(environment, Does.ContainKey("OTEL_TRACES_SAMPLER").WithValue("parentbased_traceidratio"), project.Name);
            Assert.That(environment, Does.ContainKey("OTEL_TRACES_SAMPLER_ARG").WithValue("0.01"), project.Name);
        }
    }

    [Test]
    public void A_trace_sample_ratio_outside_0_to_1_names_the_setting()
    {
        Assert.That(() => StartingAsync(["--AppHost:TraceSampleRatio=5"]),
            Throws.InvalidOperationException.With.Message.Contains("AppHost:TraceSampleRatio"));
    }

    [Test]
    public async Task Closet_api_takes_the_port_it_is_given()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(["--AppHost:ClosetApiPort=15999"]);

        var http = builder.Resources.Single(r => r.Name == "closet-api").Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "http");
        Assert.That(http.Port, Is.EqualTo(15999));
    }

    /// <summary>The model as DCP would receive it: built, with the start event's subscribers run.</summary>
    private static async Task<Starting> StartingAsync(string[] args)
    {
        // With the dashboard, as a developer's run has it: Aspire sets the OTEL_* variables only then.
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            new DistributedApplicationTestingBuilderOptions { EnableDashboard = true }, [.. args, .. Dashboard.Arguments()], CancellationToken.None);
        try
        {
            var app = await builder.BuildAsync();
            var model = app.Services.GetRequiredService<DistributedApplicationModel>();
            await app.Services.GetRequiredService<IDistributedApplicationEventing>().PublishAsync(new BeforeStartEvent(app.Services, model));
            return new Starting(builder, app);
        }
        catch
        {
            await builder.DisposeAsync();
            throw;
        }
    }

    /// <summary>The built application; the builder owns its services, so both go together.</summary>
    private sealed class Starting(IDistributedApplicationTestingBuilder builder, DistributedApplication app) : IAsyncDisposable
    {
        public IServiceProvider Services => app.Services;

        public async ValueTask DisposeAsync()
        {
            await app.DisposeAsync();
            await builder.DisposeAsync();
        }
    }

    /// <summary>
    /// A copy of the model's resources. The testing host can start in the background meanwhile (a failed run logged
    /// "Distributed application starting", then the start cancelled at disposal); adding to the live lists, it made an
    /// enumeration throw "Collection was modified". Copies are taken without enumerating.
    /// </summary>
    private static IResource[] Resources(Starting app) => app.Services.GetRequiredService<DistributedApplicationModel>().Resources.ToArray();

    private static IEnumerable<(string Resource, EndpointAnnotation Endpoint)> Endpoints(Starting app) =>
        Resources(app)
            .Where(r => r is ProjectResource or IResourceWithConnectionString)
            .SelectMany(r => r.Annotations.ToArray().OfType<EndpointAnnotation>().Select(e => (r.Name, e)));

    /// <summary>What the resource's environment callbacks set, in their order (the last one wins, as when DCP starts it).</summary>
    private static async Task<Dictionary<string, object>> EnvironmentAsync(Starting app, string resourceName)
    {
        var resource = Resources(app).Single(r => r.Name == resourceName);
        var context = new EnvironmentCallbackContext(app.Services.GetRequiredService<DistributedApplicationExecutionContext>(), resource);
        foreach (var callback in resource.Annotations.ToArray().OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        return context.EnvironmentVariables;
    }
}
