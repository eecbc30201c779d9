using ClosetConnect.Identity.Application.Audit;
using ClosetConnect.Identity.Application.Tokens;
using ClosetConnect.Identity.Infrastructure.Email;
using ClosetConnect.Identity.Infrastructure.Security;

namespace ClosetConnect.Identity.Apis;

public static class PasswordResetApi
{
    public static RouteGroupBuilder MapPasswordResetApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/auth/password-reset").WithTags("Auth");
        api.MapPost("/request", RequestAsync);
        api.MapPost("/confirm", ConfirmAsync);
        return api;
    }

    /// <summary>
    /// Always 202: the answer never tells whether the address has an account. An account gets a single-use token by
    /// mail (30 minutes); at most one mail a minute and five an hour per address.
    /// </summary>
    public static async Task<Accepted> RequestAsync(
        PasswordResetRequest request, [AsParameters] PasswordResetServices services, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Normalize(request.Email);
        var user = EmailAddress.IsValid(email)
            ? await services.Db.Users.SingleOrDefaultAsync(u => u.Email == email, cancellationToken)
            : null;
        if (user is null)
        {
            return TypedResults.Accepted((string?)null);
        }

        if (await services.MailLimiter.TryAcquireAsync(AccountMailPurpose.PasswordReset, email) is not null)
        {
            await services.Audit.RecordNowAsync(new AuditEntry(AuditActions.PasswordResetRequest, AuditOutcome.Refused, user.Id, Reason: "rate-limited"), cancellationToken);
            return TypedResults.Accepted((string?)null);
        }

        var now = services.Time.GetUtcNow();
        await services.Db.PasswordResetTokens.Where(t => t.UserId == user.Id && t.ConsumedAt == null)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.ConsumedAt, now), cancellationToken);
        var (token, clearToken) = PasswordResetToken.Issue(user.Id, now);
        services.Db.PasswordResetTokens.Add(token);
        services.Audit.Record(new AuditEntry(AuditActions.PasswordResetRequest, AuditOutcome.Success, user.Id));
        await services.Mail.SendPasswordResetAsync(user.Email, user.Username, clearToken, cancellationToken);
        await services.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>
    /// Sets the new password (same policy as registration) and revokes every refresh token of the account, so sessions
    /// started with the old password end; it also lifts a login lock, since the owner has proved the mailbox.
    /// </summary>
    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ConfirmAsync(
        PasswordResetConfirmation request, [AsParameters] PasswordResetServices services, CancellationToken cancellationToken)
    {
        if (PasswordPolicy.Check(request.NewPassword) is { } passwordProblem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["newPassword"] = [passwordProblem] },
                detail: "Some fields are not valid; see errors.");
        }

        var email = EmailAddress.Normalize(request.Email);
        var now = services.Time.GetUtcNow();
        var user = await services.Db.Users.SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
        var tokenHash = string.IsNullOrWhiteSpace(request.Token) || request.Token.Length > 200 ? null : PasswordResetToken.Hash(request.Token);
        var token = user is null || tokenHash is null
            ? null
            : await services.Db.PasswordResetTokens.SingleOrDefaultAsync(t => t.UserId == user.Id && t.TokenHash == tokenHash, cancellationToken);
        if (user is null || token is null || !token.TryConsume(now))
        {
            await services.Audit.RecordNowAsync(new AuditEntry(AuditActions.PasswordReset, AuditOutcome.Failure, user?.Id, Reason: "invalid-token"), cancellationToken);
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid reset token",
                detail: "The reset token is wrong, expired or already used. Request a new one.");
        }

        user.ChangePasswordHash(services.Passwords.Hash(request.NewPassword!));
        var strategy = services.Db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await services.Db.Database.BeginTransactionAsync(cancellationToken);
            await services.Db.RefreshTokens.Where(t => t.UserId == user.Id).RevokeAsync(now, cancellationToken);
            services.Audit.Record(new AuditEntry(AuditActions.PasswordReset, AuditOutcome.Success, user.Id));
            await services.Db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        await services.Throttle.UnlockAsync(email);
        return TypedResults.NoContent();
    }
}

public sealed record PasswordResetRequest(string? Email);

public sealed record PasswordResetConfirmation(string? Email, string? Token, string? NewPassword);

public sealed class PasswordResetServices(
    IdentityDbContext db,
    PasswordHasher passwords,
    AccountMail mail,
    AccountMailLimiter mailLimiter,
    LoginThrottle throttle,
    AuditLog audit,
    TimeProvider time)
{
    public IdentityDbContext Db { get; } = db;
    public PasswordHasher Passwords { get; } = passwords;
    public AccountMail Mail { get; } = mail;
    public AccountMailLimiter MailLimiter { get; } = mailLimiter;
    public LoginThrottle Throttle { get; } = throttle;
    public AuditLog Audit { get; } = audit;
    public TimeProvider Time { get; } = time;
}
