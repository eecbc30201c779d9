using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ClosetConnect.AppHost.Hosting.Telemetry;

/// <summary>The OTLP/HTTP routes: <c>POST /v1/traces</c>, <c>/v1/logs</c> and <c>/v1/metrics</c>.</summary>
internal static class OtlpHttpEndpoints
{
    public static IEndpointRouteBuilder MapOtlpHttp(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/traces", Traces);
        app.MapPost("/v1/logs", Logs);
        app.MapPost("/v1/metrics", Metrics);
        return app;
    }

    private static Task<Results<FileContentHttpResult, ContentHttpResult>> Traces(HttpRequest request, TelemetryStore store, CancellationToken cancellationToken) =>
        OtlpRequestBody.ReceiveAsync(request, Otlp.ExportTraceServiceRequest.Parser, export =>
        {
            var rejected = store.AddSpans(OtlpConversion.ToSpans(export));
            return new Otlp.ExportTraceServiceResponse
            {
                PartialSuccess = rejected == 0 ? null : new() { RejectedSpans = rejected, ErrorMessage = TelemetryStore.TooManyServicesMessage },
            };
        }, cancellationToken);

    private static Task<Results<FileContentHttpResult, ContentHttpResult>> Logs(HttpRequest request, TelemetryStore store, CancellationToken cancellationToken) =>
        OtlpRequestBody.ReceiveAsync(request, Otlp.ExportLogsServiceRequest.Parser, export =>
        {
            var rejected = store.AddLogs(OtlpConversion.ToLogRecords(export));
            return new Otlp.ExportLogsServiceResponse
            {
                PartialSuccess = rejected == 0 ? null : new() { RejectedLogRecords = rejected, ErrorMessage = TelemetryStore.TooManyServicesMessage },
            };
        }, cancellationToken);

    /// <summary>Metrics are summarised (which instruments each service reports), their values discarded.</summary>
    private static Task<Results<FileContentHttpResult, ContentHttpResult>> Metrics(HttpRequest request, TelemetryStore store, CancellationToken cancellationToken) =>
        OtlpRequestBody.ReceiveAsync(request, Otlp.ExportMetricsServiceRequest.Parser, export =>
        {
            foreach (var (service, names) in OtlpConversion.ToMetricNames(export))
            {
                store.RecordMetricsExport(service, names);
            }
            return new Otlp.ExportMetricsServiceResponse();
        }, cancellationToken);
}
