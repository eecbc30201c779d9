using ClosetConnect.AppHost.Hosting.Orchestration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ClosetConnect.AppHost.Hosting.Dashboard;

/// <summary>The dashboard's routes: <c>/</c> (HTML), <c>/api/resources</c> and <c>/api/resources/{name}/logs</c> (JSON).</summary>
internal static class DashboardEndpoints
{
    private const int LinesOnPage = 15;

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", Page);
        app.MapGet("/api/resources", Resources);
        app.MapGet("/api/resources/{name}/logs", Logs);
        return app;
    }

    private static ContentHttpResult Page(ResourceNotificationService notifications, ResourceLogs logs) =>
        TypedResults.Content(
            DashboardPage.Render(notifications.Snapshots, name => logs.RecentLines(name, LinesOnPage)),
            "text/html; charset=utf-8");

    private static Ok<IReadOnlyList<ResourceSnapshot>> Resources(ResourceNotificationService notifications) =>
        TypedResults.Ok(notifications.Snapshots);

    private static Results<Ok<IReadOnlyList<string>>, NotFound> Logs(string name, int? lines, ResourceNotificationService notifications, ResourceLogs logs) =>
        notifications.Snapshots.Any(s => s.Name == name)
            ? TypedResults.Ok(logs.RecentLines(name, Math.Clamp(lines ?? 200, 1, 500)))
            : TypedResults.NotFound();
}
