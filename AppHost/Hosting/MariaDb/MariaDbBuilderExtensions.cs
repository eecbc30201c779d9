using System.Diagnostics;
using ClosetConnect.AppHost.Hosting.MariaDb;
using ClosetConnect.AppHost.Hosting.Publishing;
using ClosetConnect.AppHost.Hosting.Servers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace ClosetConnect.AppHost.Hosting;

public static class MariaDbBuilderExtensions
{
    private const string Package = "mariadb-server";

    /// <summary>
    /// A MariaDB server from this machine's <c>mariadbd</c>, its data in <c>{state}/data/{name}</c>. The root password
    /// is a generated parameter (<c>{name}-password</c>), kept in the AppHost's user secrets.
    /// </summary>
    public static IResourceBuilder<MariaDbServerResource> AddMariaDB(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        var rootPassword = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password", special: false);
        var server = new MariaDbServerResource(name, ServerBinary.Locate("mariadbd"), builder.ServerDataPath(name), rootPassword);

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server, (started, cancellationToken) => PrepareAsync(server, started.Services, cancellationToken));
        builder.Eventing.Subscribe<BeforeStartEvent>((_, _) =>
        {
            if (server.Databases.Count == 0)
            {
                // Every database is an existing one elsewhere: this server would serve nobody.
                server.Annotations.Add(new ExplicitStartupAnnotation());
            }
            return Task.CompletedTask;
        });
        // The init file holds passwords and has done its work once the server answers.
        builder.Eventing.Subscribe<ResourceReadyEvent>(server, (_, _) =>
        {
            File.Delete(server.InitFile);
            return Task.CompletedTask;
        });

        return builder.AddResource(server)
            .WithEndpoint(name: MariaDbServerResource.PrimaryEndpointName, scheme: "tcp")
            .WithArgs(context =>
            {
                // --no-defaults must come first: no /etc/mysql configuration reaches this server.
                context.Args.Add("--no-defaults");
                context.Args.Add($"--datadir={server.DataDirectory}");
                context.Args.Add($"--socket={server.SocketPath}");
                context.Args.Add($"--pid-file={Path.Combine(server.DataDirectory, "mariadbd.pid")}");
                context.Args.Add(ReferenceExpression.Create($"--port={server.PrimaryEndpoint.Property(EndpointProperty.TargetPort)}"));
                context.Args.Add("--bind-address=127.0.0.1");
                context.Args.Add("--skip-name-resolve");
                context.Args.Add($"--user={Environment.UserName}");
                context.Args.Add($"--init-file={server.InitFile}");
                context.Args.Add("--character-set-server=utf8mb4");
                context.Args.Add("--collation-server=utf8mb4_unicode_ci");
            })
            .WithLoginHealthCheck()
            .WithIconName("Database")
            .WithAnnotation(new ClusterServerAnnotation(MariaDbClusterManifests.Port, cluster => MariaDbClusterManifests.Files(server, cluster)));
    }

    /// <summary>
    /// A database with its own user, who may use this database only. Connection string: <c>ConnectionStrings__{name}</c>.
    /// A configured <c>ConnectionStrings:{name}</c> replaces it with that existing database; a server left with no
    /// database of its own is not started.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddDatabase(
        this IResourceBuilder<MariaDbServerResource> server, [ResourceName] string name, string? databaseName = null)
    {
        if (ExternalServer.IsConfigured(server.ApplicationBuilder, name))
        {
            return server.ApplicationBuilder.AddConnectionString(name);
        }

        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(server.ApplicationBuilder, $"{name}-password", special: false);
        var database = new MariaDbDatabaseResource(name, databaseName ?? name, server.Resource, password);
        server.Resource.AddDatabase(database);
        // Aspire hands a parent's state to its children for containers only: a database follows its server here,
        // which also starts its health checks once the server runs.
        server.ApplicationBuilder.Eventing.Subscribe<InitializeResourceEvent>(database, async (initialize, cancellationToken) =>
        {
            await foreach (var update in initialize.Notifications.WatchAsync(cancellationToken))
            {
                if (update.Resource == server.Resource)
                {
                    await initialize.Notifications.PublishUpdateAsync(database, snapshot => snapshot with
                    {
                        State = update.Snapshot.State,
                        StartTimeStamp = update.Snapshot.StartTimeStamp,
                        StopTimeStamp = update.Snapshot.StopTimeStamp,
                    });
                }
            }
        });
        return server.ApplicationBuilder.AddResource(database)
            .WithLoginHealthCheck()
            .WithIconName("DatabaseStack");
    }

    /// <summary>Healthy when the resource's own connection string logs in (the database's user, or root for the server).</summary>
    private static IResourceBuilder<T> WithLoginHealthCheck<T>(this IResourceBuilder<T> builder) where T : IResourceWithConnectionString
    {
        string? connectionString = null;
        builder.ApplicationBuilder.Eventing.Subscribe<ConnectionStringAvailableEvent>(builder.Resource, async (_, cancellationToken) =>
            connectionString = await builder.Resource.ConnectionStringExpression.GetValueAsync(cancellationToken));
        var key = $"{builder.Resource.Name}_login";
        builder.ApplicationBuilder.Services.AddHealthChecks()
            .Add(new HealthCheckRegistration(key, _ => new MariaDbLoginHealthCheck(() => connectionString), failureStatus: null, tags: null));
        return builder.WithHealthCheck(key);
    }

    /// <summary>Before every start: a data directory on the first one, and the init file for the model's users.</summary>
    private static async Task PrepareAsync(MariaDbServerResource server, IServiceProvider services, CancellationToken cancellationToken)
    {
        ServerBinary.EnsureInstalled(server.Command, Package);
        var logger = services.GetRequiredService<ResourceLoggerService>().GetLogger(server);
        if (!Directory.Exists(Path.Combine(server.DataDirectory, "mysql")))
        {
            logger.LogInformation("Initialising a new data directory in {DataDirectory}", server.DataDirectory);
            await InstallDataDirectoryAsync(server, logger, cancellationToken);
        }

        var databases = new List<(MariaDbDatabaseResource, string)>();
        foreach (var database in server.Databases)
        {
            databases.Add((database, await database.PasswordParameter.GetValueAsync(cancellationToken) ?? string.Empty));
        }
        var rootPassword = await server.RootPasswordParameter.GetValueAsync(cancellationToken) ?? string.Empty;
        await OwnerOnlyFile.WriteAllTextAsync(server.InitFile, MariaDbInitScript.Create(rootPassword, databases), cancellationToken);
    }

    private static async Task InstallDataDirectoryAsync(MariaDbServerResource server, ILogger logger, CancellationToken cancellationToken)
    {
        var installer = ServerBinary.Locate("mariadb-install-db");
        ServerBinary.EnsureInstalled(installer, Package);
        using var process = Process.Start(new ProcessStartInfo(installer,
        [
            "--no-defaults",
            $"--datadir={server.DataDirectory}",
            $"--user={Environment.UserName}",
            "--skip-test-db",
            "--auth-root-authentication-method=socket",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = server.DataDirectory,
        })!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        foreach (var line in (await output + await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            logger.LogInformation("{Line}", line);
        }
        if (process.ExitCode != 0)
        {
            throw new DistributedApplicationException($"mariadb-install-db exited with {process.ExitCode}; its output is in the console log of {server.Name}.");
        }
    }
}
