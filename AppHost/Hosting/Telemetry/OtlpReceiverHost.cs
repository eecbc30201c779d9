using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClosetConnect.AppHost.Hosting.Telemetry;

/// <summary>
/// The OTLP/HTTP receiver: a small Kestrel server of its own on <c>AppHost:OtlpReceiver:Url</c>, as Aspire's dashboard
/// receives OTLP beside its UI. Registered before the orchestrator, so it listens before the first service starts and
/// stops after the last one has flushed its telemetry.
/// </summary>
internal sealed class OtlpReceiverHost(TelemetryStore store, TelemetryDestination destination, ILogger<OtlpReceiverHost> logger)
    : IHostedService, IAsyncDisposable
{
    /// <summary>The SDKs send batches of at most 512 items by default; this leaves ample room.</summary>
    private const long MaxRequestBodyBytes = 8 * 1024 * 1024;

    private WebApplication? web;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (destination.ReceiverUrl is not { } url)
        {
            return;
        }
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "ClosetConnect.AppHost.OtlpReceiver" });
        builder.WebHost.UseUrls(url);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(store);
        web = builder.Build();
        web.MapOtlpHttp();
        try
        {
            await web.StartAsync(cancellationToken);
            logger.LogInformation("OTLP receiver: {Url} (HTTP, protobuf)", url);
        }
        catch (IOException e)
        {
            // Like the dashboard, a convenience: a busy port must not keep the application from running.
            logger.LogWarning("OTLP receiver not started on {Url}: {Reason} Services will export no telemetry; set {Key} to another port.",
                url, e.Message, $"{OtlpReceiverOptions.SectionName}:{nameof(OtlpReceiverOptions.Url)}");
            destination.ReceiverUnavailable(e.Message);
            await web.DisposeAsync();
            web = null;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (web is not null)
        {
            await web.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (web is not null)
        {
            await web.DisposeAsync();
        }
    }
}
