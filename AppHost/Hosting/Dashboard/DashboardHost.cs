using System.Text.Json.Serialization;
using ClosetConnect.AppHost.Hosting.Orchestration;
using ClosetConnect.AppHost.Hosting.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClosetConnect.AppHost.Hosting.Dashboard;

/// <summary>
/// A small web server of its own (Kestrel on <c>AppHost:DashboardUrl</c>, loopback), so the orchestrating host stays
/// a plain generic host: a page listing the resources with their recent logs, pages of the traces and structured logs
/// the OTLP receiver took in, and the same as JSON.
/// </summary>
internal sealed class DashboardHost(
    ResourceNotificationService notifications,
    ResourceLogs logs,
    TelemetryStore telemetry,
    TelemetryDestination telemetryDestination,
    IOptions<AppHostOptions> options,
    ILogger<DashboardHost> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? web;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "ClosetConnect.AppHost.Dashboard" });
        builder.WebHost.UseUrls(options.Value.DashboardUrl);
        builder.Logging.ClearProviders();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddSingleton(notifications);
        builder.Services.AddSingleton(logs);
        builder.Services.AddSingleton(telemetry);
        builder.Services.AddSingleton(telemetryDestination);
        web = builder.Build();
        web.MapDashboard();
        try
        {
            await web.StartAsync(cancellationToken);
            logger.LogInformation("Dashboard: {Url}", options.Value.DashboardUrl);
        }
        catch (IOException e)
        {
            // The dashboard is a convenience: a busy port (another AppHost?) should not keep the application from running.
            logger.LogWarning("Dashboard not started on {Url}: {Reason} Set AppHost:DashboardUrl to another port.", options.Value.DashboardUrl, e.Message);
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
