namespace ClosetConnect.Identity.PasswordReset;

public static class PasswordResetApi
{
    public static RouteGroupBuilder MapPasswordResetApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/auth/password-reset").WithTags("Auth");
        api.MapPost("/request", RequestAsync).WithName("RequestPasswordReset")
            .WithSummary("Mails a single-use reset token (30 minutes) to an account; always 202, so it reveals no account.");
        api.MapPost("/confirm", ConfirmAsync).WithName("ConfirmPasswordReset")
            .WithSummary("Sets a new password with the mailed token and ends every session of the account.");
        return api;
    }

    public static async Task<Accepted> RequestAsync(
        PasswordResetRequest request, PasswordResets resets, CancellationToken cancellationToken)
    {
        await resets.RequestAsync(request, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> ConfirmAsync(
        PasswordResetConfirmation request, PasswordResets resets, CancellationToken cancellationToken) =>
        await resets.ConfirmAsync(request, cancellationToken) is { } failure ? failure.ToProblem() : TypedResults.NoContent();
}
