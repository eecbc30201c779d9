using System.Reflection;
using ClosetConnect.AppHost.Hosting.ApplicationModel;
using ClosetConnect.AppHost.Hosting.Dashboard;
using ClosetConnect.AppHost.Hosting.Launchers;
using ClosetConnect.AppHost.Hosting.Orchestration;
using ClosetConnect.AppHost.Hosting.Telemetry;
using ClosetConnect.AppHost.Hosting.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClosetConnect.AppHost.Hosting;

/// <summary>Collects the resources and builds the host that runs them.</summary>
internal sealed class DistributedApplicationBuilder : IDistributedApplicationTestingBuilder
{
    private readonly HostApplicationBuilder host;
    private readonly List<IResource> resources = [];
    private readonly DistributedApplicationOptions options;
    private readonly StateLayout state;

    public DistributedApplicationBuilder(DistributedApplicationOptions options)
    {
        this.options = options;
        var settings = new HostApplicationBuilderSettings
        {
            Args = ConfigurationArguments.Select(options.Args),
            ApplicationName = "ClosetConnect.AppHost",
            ContentRootPath = AppContext.BaseDirectory,
            // The AppHost runs services in Development unless told otherwise, as `dotnet run` of an Aspire AppHost does.
            EnvironmentName = System.Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
                ?? System.Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
                ?? Environments.Development,
            Configuration = new ConfigurationManager(),
        };
        if (options.IsTestMode)
        {
            // Defaults first: the machine's environment and the test's args still override them.
            var ports = PortAllocator.AllocateFreePorts(2);
            settings.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{AppHostOptions.SectionName}:{nameof(AppHostOptions.DashboardUrl)}"] = $"http://127.0.0.1:{ports[0]}",
                [$"{AppHostOptions.SectionName}:{nameof(AppHostOptions.ResourceLogsToConsole)}"] = "false",
                // Telemetry costs every test a little; a test that looks at it turns the receiver on.
                [$"{OtlpReceiverOptions.SectionName}:{nameof(OtlpReceiverOptions.Enabled)}"] = "false",
                [$"{OtlpReceiverOptions.SectionName}:{nameof(OtlpReceiverOptions.Url)}"] = $"http://127.0.0.1:{ports[1]}",
            });
        }
        host = Host.CreateApplicationBuilder(settings);
        if (options.IsTestMode)
        {
            host.Logging.SetMinimumLevel(LogLevel.Warning);
        }
        ExecutionContext = DistributedApplicationExecutionContext.FromArgs(options.Args);
        state = new StateLayout(ChooseStateDirectory());
        DeleteStateOnDispose = options.IsTestMode && options.StateDirectory is null;
    }

    public ConfigurationManager Configuration => host.Configuration;

    public IHostEnvironment Environment => host.Environment;

    public IServiceCollection Services => host.Services;

    public DistributedApplicationExecutionContext ExecutionContext { get; }

    public IReadOnlyList<IResource> Resources => resources;

    public string StateDirectory => state.Root;

    internal bool DeleteStateOnDispose { get; }

    /// <summary>Set by <see cref="DistributedApplicationTestingBuilder"/> while it runs the AppHost's Program.</summary>
    internal Action<DistributedApplicationBuilder>? InterceptBuild { get; set; }

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        if (resources.Exists(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DistributedApplicationException($"A resource named '{resource.Name}' already exists.");
        }
        resources.Add(resource);
        return new ResourceBuilder<T>(this, resource);
    }

    public string StatePath(string relativePath) => state.Folder(relativePath);

    public DistributedApplication Build()
    {
        if (InterceptBuild is { } intercept)
        {
            InterceptBuild = null;
            intercept(this);
            throw new EntryPointInterceptedException();
        }
        return BuildCore();
    }

    public Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default) => Task.FromResult(BuildCore());

    private DistributedApplication BuildCore()
    {
        var appHostOptions = host.Configuration.GetSection(AppHostOptions.SectionName).Get<AppHostOptions>() ?? new AppHostOptions();
        ValidateModel();
        ModelPreparation.AllocatePorts(resources, useRandomPorts: options.IsTestMode);
        if (ExecutionContext.IsRunMode)
        {
            // Publishing needs no passwords: the cluster's Secret holds them. Leave parameters.json alone.
            ModelPreparation.ResolveParameters(resources, new ParameterStore(state.ParametersFile));
        }

        var services = host.Services;
        services.AddOptions<AppHostOptions>().BindConfiguration(AppHostOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMinutes(1));
        // Readiness polls fail by design until a service listens; their failures are not worth a log entry each.
        services.AddHttpClient(nameof(ProjectLauncher), client => client.Timeout = TimeSpan.FromSeconds(2)).RemoveAllLoggers();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(state);
        services.AddSingleton<ResourceNotificationService>();
        services.AddSingleton<ChildProcessRegistry>();
        services.AddSingleton(sp => new ResourceLogs(state, sp.GetRequiredService<IOptions<AppHostOptions>>().Value.ResourceLogsToConsole, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new LauncherContext(
            state,
            sp.GetRequiredService<ChildProcessRegistry>(),
            sp.GetRequiredService<ResourceLogs>(),
            sp.GetRequiredService<IOptions<AppHostOptions>>().Value,
            host.Environment.EnvironmentName,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<TelemetryDestination>()));
        services.AddSingleton(sp => new ResourceOrchestrator(
            [.. resources.Select(r => CreateController(r, sp))],
            state,
            sp.GetRequiredService<ChildProcessRegistry>(),
            sp.GetRequiredService<IOptions<AppHostOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ResourceOrchestrator>>()));
        var dashboardRuns = appHostOptions.DashboardEnabled && !options.DisableDashboard;
        services.AddDashboardTelemetry(dashboardRuns);
        services.AddHostedService(sp => sp.GetRequiredService<ResourceOrchestrator>());
        if (dashboardRuns)
        {
            services.AddHostedService<DashboardHost>();
        }

        var app = new DistributedApplication(host.Build(), resources, state, options.Args, DeleteStateOnDispose);
        foreach (var resource in resources)
        {
            app.ResourceNotifications.Publish(ModelPreparation.InitialSnapshot(resource));
        }
        return app;
    }

    private static ResourceController CreateController(IResource resource, IServiceProvider services)
    {
        var context = services.GetRequiredService<LauncherContext>();
        IResourceLauncher launcher = resource switch
        {
            MariaDbServerResource server => new MariaDbServerLauncher(server, context),
            MariaDbDatabaseResource database => new MariaDbDatabaseLauncher(database),
            RabbitMQServerResource broker => new RabbitMQServerLauncher(broker, context),
            RedisResource redis => new RedisServerLauncher(redis, context),
            ProjectResource project => new ProjectLauncher(project, context),
            _ => throw new DistributedApplicationException($"The AppHost cannot run resources of type {resource.GetType().Name}."),
        };
        var options = services.GetRequiredService<IOptions<AppHostOptions>>().Value;
        return new ResourceController(
            resource,
            launcher,
            services.GetRequiredService<ResourceNotificationService>(),
            context.Logs.For(resource.Name),
            context.Registry,
            RestartPolicy.From(options),
            options,
            context.Time,
            services.GetRequiredService<ILoggerFactory>().CreateLogger($"ClosetConnect.AppHost.{resource.Name}"));
    }

    /// <summary>Every WaitFor and reference must point into this model, and WaitFor must not go round in a circle.</summary>
    private void ValidateModel()
    {
        foreach (var resource in resources)
        {
            var referenced = resource.WaitsFor
                .Concat(resource is IResourceWithEnvironment e ? e.ConnectionStringReferences.Concat<IResource>(e.ServiceReferences) : []);
            foreach (var dependency in referenced.Where(d => !resources.Contains(d)))
            {
                throw new DistributedApplicationException($"'{resource.Name}' refers to '{dependency.Name}', which is not part of this application.");
            }
        }
        ModelPreparation.EnsureNoWaitCycle(resources);
    }

    private string ChooseStateDirectory()
    {
        if (options.StateDirectory is { } explicitDirectory)
        {
            return explicitDirectory;
        }
        if (options.IsTestMode)
        {
            return Directory.CreateTempSubdirectory("closetconnect-apphost-").FullName;
        }
        if (host.Configuration[$"{AppHostOptions.SectionName}:{nameof(AppHostOptions.StateDirectory)}"] is { Length: > 0 } configured)
        {
            return configured;
        }
        // .apphost/ beside the AppHost project folder, i.e. at the repository root.
        var projectDirectory = typeof(DistributedApplicationBuilder).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "AppHostProjectDirectory")?.Value;
        var root = projectDirectory is not null ? Path.GetDirectoryName(projectDirectory) : null;
        return Path.Combine(root ?? System.Environment.CurrentDirectory, ".apphost");
    }
}
