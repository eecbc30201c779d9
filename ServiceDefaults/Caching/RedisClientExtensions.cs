using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>Same name and configuration keys as Aspire's <c>Aspire.StackExchange.Redis</c> integration.</summary>
public static class RedisClientExtensions
{
    private const string SettingsSection = "Aspire:StackExchange:Redis";

    public static void AddRedisClient(this IHostApplicationBuilder builder, string connectionName)
    {
        var connectionString = builder.Configuration[$"{SettingsSection}:ConnectionString"]
            ?? builder.Configuration.GetConnectionString(connectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionString is missing. Set 'ConnectionStrings:{connectionName}' or '{SettingsSection}:ConnectionString'.");
        }

        // Holds the server password: outside Development it must be a real secret.
        builder.Services.RequireSecret($"ConnectionStrings:{connectionName}");
        var options = ConfigurationOptions.Parse(connectionString);
        // Keep retrying in the background instead of failing start-up while Redis is still coming up.
        options.AbortOnConnectFail = false;
        options.ClientName = builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName;

        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        builder.Services.AddHealthChecks().AddRedis(services => services.GetRequiredService<IConnectionMultiplexer>(), connectionName);
    }
}
