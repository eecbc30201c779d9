using ClosetConnect.AppHost.Hosting.Orchestration;
using ClosetConnect.AppHost.Hosting.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ClosetConnect.AppHost.Hosting.Dashboard;

/// <summary>
/// The dashboard's routes. HTML: <c>/</c> (resources), <c>/traces</c>, <c>/traces/{traceId}</c>, <c>/logs</c>.
/// JSON: <c>/api/resources</c>, <c>/api/resources/{name}/logs</c> (console lines), <c>/api/traces</c>,
/// <c>/api/traces/{traceId}</c>, <c>/api/logs</c> (structured) and <c>/api/metrics</c> (names only).
/// </summary>
internal static class DashboardEndpoints
{
    private const int LinesOnPage = 15;
    private const string HtmlContentType = "text/html; charset=utf-8";

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", Page);
        app.MapGet("/api/resources", Resources);
        app.MapGet("/api/resources/{name}/logs", Logs);

        app.MapGet("/traces", TracesHtml);
        app.MapGet("/traces/{traceId}", TraceHtml);
        app.MapGet("/logs", StructuredLogsHtml);
        app.MapGet("/api/traces", Traces);
        app.MapGet("/api/traces/{traceId}", Trace);
        app.MapGet("/api/logs", StructuredLogs);
        app.MapGet("/api/metrics", Metrics);
        return app;
    }

    private static ContentHttpResult Page(ResourceNotificationService notifications, ResourceLogs logs) =>
        TypedResults.Content(
            DashboardPage.Render(notifications.Snapshots, name => logs.RecentLines(name, LinesOnPage)),
            HtmlContentType);

    private static Ok<IReadOnlyList<ResourceSnapshot>> Resources(ResourceNotificationService notifications) =>
        TypedResults.Ok(notifications.Snapshots);

    private static Results<Ok<IReadOnlyList<string>>, NotFound> Logs(string name, int? lines, ResourceNotificationService notifications, ResourceLogs logs) =>
        notifications.Snapshots.Any(s => s.Name == name)
            ? TypedResults.Ok(logs.RecentLines(name, Math.Clamp(lines ?? 200, 1, 500)))
            : TypedResults.NotFound();

    private static ContentHttpResult TracesHtml([AsParameters] TraceListFilter filter, TelemetryStore store, TelemetryDestination destination) =>
        TypedResults.Content(
            TracesPage.Render(store.GetTraces(filter.Service, filter.EffectiveLimit), store.ServiceNames(), filter.Service, destination.Note),
            HtmlContentType);

    private static ContentHttpResult TraceHtml(string traceId, TelemetryStore store, TelemetryDestination destination) =>
        store.GetTrace(traceId) is { } trace
            ? TypedResults.Content(TraceDetailPage.Render(trace), HtmlContentType)
            : TypedResults.Content(TraceDetailPage.RenderNotFound(traceId, destination.Note), HtmlContentType, statusCode: StatusCodes.Status404NotFound);

    private static ContentHttpResult StructuredLogsHtml([AsParameters] LogListFilter filter, TelemetryStore store, TelemetryDestination destination) =>
        filter.TryGetQuery(out var query, out var problem)
            ? TypedResults.Content(StructuredLogsPage.Render(store.GetLogs(query), store.ServiceNames(), query, destination.Note), HtmlContentType)
            : TypedResults.Text(problem, statusCode: StatusCodes.Status400BadRequest);

    private static Ok<IReadOnlyList<TraceSummary>> Traces([AsParameters] TraceListFilter filter, TelemetryStore store) =>
        TypedResults.Ok(store.GetTraces(filter.Service, filter.EffectiveLimit));

    private static Results<Ok<TraceDetail>, NotFound> Trace(string traceId, TelemetryStore store) =>
        store.GetTrace(traceId) is { } trace ? TypedResults.Ok(trace) : TypedResults.NotFound();

    private static Results<Ok<IReadOnlyList<StoredLogRecord>>, BadRequest<string>> StructuredLogs([AsParameters] LogListFilter filter, TelemetryStore store) =>
        filter.TryGetQuery(out var query, out var problem)
            ? TypedResults.Ok(store.GetLogs(query))
            : TypedResults.BadRequest(problem);

    private static Ok<IReadOnlyList<ServiceMetricsSummary>> Metrics(TelemetryStore store) =>
        TypedResults.Ok(store.GetMetrics());
}
