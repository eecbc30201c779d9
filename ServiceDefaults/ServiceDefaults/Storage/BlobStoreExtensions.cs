using ClosetConnect.ServiceDefaults.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class BlobStoreExtensions
{
    /// <summary>The blob store from section <c>Blobs</c>, with a health check that the folder is writable.</summary>
    public static IHostApplicationBuilder AddBlobStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<BlobStoreOptions>(BlobStoreOptions.SectionName);
        builder.Services.AddSingleton<IBlobStore, FileSystemBlobStore>();
        builder.Services.AddHealthChecks().AddCheck<BlobStoreHealthCheck>("blobs");
        return builder;
    }

    private sealed class BlobStoreHealthCheck(IOptions<BlobStoreOptions> options) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var root = Directory.CreateDirectory(options.Value.RootPath);
                var probe = Path.Combine(root.FullName, $".health-{Environment.ProcessId}");
                File.WriteAllBytes(probe, []);
                File.Delete(probe);
                return Task.FromResult(HealthCheckResult.Healthy());
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy("The blob folder is not writable.", ex));
            }
        }
    }
}
