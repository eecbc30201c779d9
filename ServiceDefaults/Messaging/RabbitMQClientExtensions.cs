using ClosetConnect.ServiceDefaults.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Same name, configuration keys and behaviour as Aspire's <c>Aspire.RabbitMQ.Client</c> integration:
/// one shared <see cref="IConnection"/> with connect retries, automatic recovery and a health check.
/// </summary>
public static class RabbitMQClientExtensions
{
    private const string SettingsSection = "Aspire:RabbitMQ:Client";

    public static void AddRabbitMQClient(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<RabbitMQClientSettings>? configureSettings = null,
        Action<ConnectionFactory>? configureConnectionFactory = null)
    {
        var settings = new RabbitMQClientSettings();
        builder.Configuration.GetSection(SettingsSection).Bind(settings);
        settings.ConnectionString ??= builder.Configuration.GetConnectionString(connectionName);
        configureSettings?.Invoke(settings);

        if (string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionString is missing. Set 'ConnectionStrings:{connectionName}' or '{SettingsSection}:ConnectionString'.");
        }

        // Holds the server password: outside Development it must be a real secret.
        builder.Services.RequireSecret($"ConnectionStrings:{connectionName}");
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName;
        builder.Services.AddSingleton<IConnectionFactory>(_ =>
        {
            var factory = new ConnectionFactory
            {
                Uri = new Uri(settings.ConnectionString),
                ClientProvidedName = serviceName,
                AutomaticRecoveryEnabled = true,
                TopologyRecoveryEnabled = true,
                // Reconnect soon after a broker restart; outbox rows wait for this.
                NetworkRecoveryInterval = TimeSpan.FromSeconds(2),
            };
            configureConnectionFactory?.Invoke(factory);
            return factory;
        });

        builder.Services.AddSingleton(services => CreateConnection(
            services.GetRequiredService<IConnectionFactory>(),
            settings.MaxConnectRetryCount,
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RabbitMQClientExtensions))));

        if (!settings.DisableHealthChecks)
        {
            builder.Services.AddHealthChecks().AddCheck<RabbitMQHealthCheck>(connectionName);
        }
    }

    private static IConnection CreateConnection(IConnectionFactory factory, int retryCount, ILogger logger)
    {
        var pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<BrokerUnreachableException>().Handle<System.Net.Sockets.SocketException>(),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxRetryAttempts = retryCount,
                OnRetry = args =>
                {
                    logger.LogWarning("RabbitMQ not reachable yet (attempt {Attempt}): {Reason}",
                        args.AttemptNumber + 1, args.Outcome.Exception?.Message);
                    return default;
                },
            })
            .Build();

        // DI factories are synchronous; like Aspire's integration, the first resolve connects (with retries).
        return pipeline.ExecuteAsync(async ct => await factory.CreateConnectionAsync(ct)).AsTask().GetAwaiter().GetResult();
    }
}
