namespace ClosetConnect.Identity.Registration;

public static class RegistrationApi
{
    public static RouteGroupBuilder MapRegistrationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/auth").WithTags("Auth");
        api.MapPost("/register", RegisterAsync).WithName("Register")
            .WithSummary("Creates an account and mails a verification code; the account can log in once the email is verified.");
        api.MapPost("/verify-email", VerifyEmailAsync).WithName("VerifyEmail")
            .WithSummary("Verifies the email with the mailed code (at most five tries per code).");
        api.MapPost("/verify-email/resend", ResendVerificationCodeAsync).WithName("ResendVerificationCode")
            .WithSummary("Mails a new code to an unverified account; 202 whether or not the account exists.");
        return api;
    }

    public static async Task<Results<Created<RegisteredResponse>, ProblemHttpResult>> RegisterAsync(
        RegisterRequest request, AccountRegistration registration, CancellationToken cancellationToken)
    {
        var result = await registration.RegisterAsync(request, cancellationToken);
        return result.Succeeded ? TypedResults.Created("/api/v1/users/me", result.Value) : result.Failure.ToProblem();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> VerifyEmailAsync(
        VerifyEmailRequest request, EmailVerification verification, CancellationToken cancellationToken) =>
        await verification.VerifyAsync(request, cancellationToken) is { } failure ? failure.ToProblem() : TypedResults.NoContent();

    public static async Task<Results<Accepted, ProblemHttpResult>> ResendVerificationCodeAsync(
        ResendCodeRequest request, EmailVerification verification, HttpResponse response, CancellationToken cancellationToken) =>
        await verification.ResendCodeAsync(request, cancellationToken) is { } failure
            ? failure.ToProblem(response)
            : TypedResults.Accepted((string?)null);
}
