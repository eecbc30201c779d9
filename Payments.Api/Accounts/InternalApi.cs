using ClosetConnect.ServiceDefaults.Authentication;

namespace ClosetConnect.Payments.Accounts;

/// <summary>What other services ask of this one about a user (<see cref="InternalUserApi"/>).</summary>
public static class InternalApi
{
    public static RouteGroupBuilder MapInternalApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapInternalUserApi();
        api.MapGet("/export", ExportUserDataAsync).WithName("ExportPaymentsData")
            .WithSummary("The user's orders, with their history, and ledger, for Identity's GDPR data export.");
        return api;
    }

    public static async Task<Ok<PaymentsExport>> ExportUserDataAsync(Guid id, PaymentsDataExport export, CancellationToken cancellationToken) =>
        TypedResults.Ok(await export.ExportAsync(id, cancellationToken));
}
