using ClosetConnect.ServiceDefaults.Authentication;

namespace ClosetConnect.Closet.Accounts;

/// <summary>What other services ask of this one about a user (<see cref="InternalUserApi"/>).</summary>
public static class InternalApi
{
    public static RouteGroupBuilder MapInternalApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapInternalUserApi();
        api.MapGet("/export", ExportUserDataAsync).WithName("ExportClosetData")
            .WithSummary("The user's closet, items, outfits, listings and purchases, for Identity's GDPR data export.");
        return api;
    }

    public static async Task<Ok<ClosetExport>> ExportUserDataAsync(Guid id, ClosetDataExport export, CancellationToken cancellationToken) =>
        TypedResults.Ok(await export.ExportAsync(id, cancellationToken));
}
