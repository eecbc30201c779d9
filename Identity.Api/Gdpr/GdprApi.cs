using System.Net.Http.Headers;
using System.Security.Claims;
using ClosetConnect.ServiceDefaults.Authentication;

namespace ClosetConnect.Identity.Gdpr;

/// <summary>The caller's rights over their data: a copy of all of it, and erasure.</summary>
public static class GdprApi
{
    public static RouteGroupBuilder MapGdprApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/users/me").WithTags("Users").RequireAuthorization();
        api.MapGet("/data-export", ExportMyDataAsync).WithName("ExportMyData")
            .WithSummary("Everything every service holds about the caller, as one JSON document (GDPR art. 15 and 20).");
        api.MapPost("/delete-account", DeleteMyAccountAsync).WithName("DeleteMyAccount")
            .WithSummary("Erases the caller's account after checking the password again; the other services follow by event.");
        return api;
    }

    public static async Task<Results<Ok<DataExportDocument>, ProblemHttpResult>> ExportMyDataAsync(
        ClaimsPrincipal principal, HttpRequest request, DataExport export, CancellationToken cancellationToken)
    {
        // The endpoint requires a valid bearer token, so the header is there; it is forwarded as it came.
        var accessToken = AuthenticationHeaderValue.Parse(request.Headers.Authorization.ToString()).Parameter!;
        var result = await export.ExportAsync(principal.GetUserId(), accessToken, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Failure.ToProblem();
    }

    /// <summary>202: Identity's part is gone when this answers; Closet and Payments follow through the event.</summary>
    public static async Task<Results<Accepted, ProblemHttpResult>> DeleteMyAccountAsync(
        DeleteAccountRequest request, ClaimsPrincipal principal, AccountDeletion deletion, CancellationToken cancellationToken) =>
        await deletion.DeleteAsync(principal.GetUserId(), request, cancellationToken) is { } failure
            ? failure.ToProblem()
            : TypedResults.Accepted((string?)null);
}
