using System.Globalization;
using ClosetConnect.Identity.Application.Accounts;
using ClosetConnect.Identity.Application.Audit;
using ClosetConnect.Identity.Application.Tokens;
using ClosetConnect.Identity.Infrastructure.Email;
using ClosetConnect.Identity.Infrastructure.Encryption;
using ClosetConnect.Identity.Infrastructure.Security;
using ClosetConnect.ServiceDefaults.EventBus.Events;
using ClosetConnect.ServiceDefaults.EventBus.Outbox;
using MySqlConnector;

namespace ClosetConnect.Identity.Apis;

public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/auth").WithTags("Auth");
        api.MapPost("/register", RegisterAsync);
        api.MapPost("/verify-email", VerifyEmailAsync);
        api.MapPost("/verify-email/resend", ResendVerificationCodeAsync);
        api.MapPost("/login", LoginAsync);
        api.MapPost("/refresh", RefreshAsync);
        api.MapPost("/logout", LogoutAsync);
        return api;
    }

    public static async Task<Results<Created<RegisteredResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterRequest request, [AsParameters] AuthServices services, CancellationToken cancellationToken)
    {
        var errors = RegistrationRequestValidator.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "Some fields are not valid; see errors.");
        }

        var email = EmailAddress.Normalize(request.Email);
        var username = request.Username!;
        if (await services.Db.Users.AnyAsync(u => u.Email == email || u.Username == username, cancellationToken))
        {
            return AccountExists();
        }

        var now = services.Time.GetUtcNow();
        var user = User.Register(email, username, services.Encryptor.Encrypt(request.FullName!.Trim()), services.Passwords.Hash(request.Password!), now);
        var (code, clearCode) = EmailVerificationCode.Issue(user.Id, now);
        services.Db.Users.Add(user);
        services.Db.EmailVerificationCodes.Add(code);
        services.Db.AddIntegrationEvent(new UserRegisteredEvent(user.Id, user.Username) { OccurredAt = now });
        services.Audit.Record(new AuditEntry(AuditActions.Register, AuditOutcome.Success, user.Id, Resource: $"user/{user.Id}"));

        // Mail first: if the commit then fails, the mailed code is merely useless; the reverse would strand the account.
        await services.Mail.SendVerificationCodeAsync(email, username, clearCode, cancellationToken);
        try
        {
            await services.Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is MySqlException { ErrorCode: MySqlErrorCode.DuplicateKeyEntry })
        {
            return AccountExists();
        }

        return TypedResults.Created("/api/v1/users/me", new RegisteredResponse(user.Id));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> VerifyEmailAsync(
        VerifyEmailRequest request, [AsParameters] AuthServices services, BootstrapAdmin bootstrapAdmin, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Normalize(request.Email);
        var user = await services.Db.Users.SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
        if (user is { IsEmailVerified: true })
        {
            return TypedResults.NoContent();
        }

        var now = services.Time.GetUtcNow();
        var code = user is null
            ? null
            : await services.Db.EmailVerificationCodes
                .Where(c => c.UserId == user.Id)
                .OrderByDescending(c => c.ExpiresAt)
                .FirstOrDefaultAsync(cancellationToken);

        if (user is null || code is null || !code.TryConsume(request.Code ?? string.Empty, now))
        {
            services.Audit.Record(new AuditEntry(AuditActions.VerifyEmail, AuditOutcome.Failure, user?.Id, Reason: "wrong-or-expired-code"));
            await services.Db.SaveChangesAsync(cancellationToken);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid verification code",
                detail: $"The code is wrong, expired, already used or tried {EmailVerificationCode.MaxAttempts} times. Request a new code.");
        }

        user.VerifyEmail(now);
        services.Audit.Record(new AuditEntry(AuditActions.VerifyEmail, AuditOutcome.Success, user.Id));
        bootstrapAdmin.PromoteIfConfigured(user);
        await services.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// 202 whether or not the account exists; 429 when this address was sent a code too recently. The limit counts per
    /// address, existing or not, so it reveals nothing either.
    /// </summary>
    public static async Task<Results<Accepted, ProblemHttpResult>> ResendVerificationCodeAsync(
        ResendCodeRequest request, [AsParameters] AuthServices services, AccountMailLimiter mailLimiter, HttpResponse response, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Normalize(request.Email);
        if (await mailLimiter.TryAcquireAsync(AccountMailPurpose.VerificationCode, email) is { } retryAfter)
        {
            response.Headers.RetryAfter = Seconds(retryAfter);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many codes requested",
                detail: $"A code was sent to this address recently. Try again in {Seconds(retryAfter)} seconds.");
        }

        var user = await services.Db.Users.SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
        if (user is { IsEmailVerified: false })
        {
            var (code, clearCode) = EmailVerificationCode.Issue(user.Id, services.Time.GetUtcNow());
            services.Db.EmailVerificationCodes.Add(code);
            await services.Mail.SendVerificationCodeAsync(user.Email, user.Username, clearCode, cancellationToken);
            await services.Db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Accepted((string?)null);
    }

    /// <summary>
    /// Wrong email and wrong password get the same answer. Failures are counted per address (existing or not), the
    /// attempt after a failure waits progressively longer, and the fifth failure locks the address for 15 minutes (423
    /// with Retry-After), during which even the right password is refused.
    /// </summary>
    public static async Task<Results<Ok<TokenPair>, ProblemHttpResult>> LoginAsync(
        LoginRequest request, [AsParameters] AuthServices services, LoginThrottle throttle, PersonalDataReEncryptor reEncryptor,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Normalize(request.Email);
        var attempt = await throttle.BeginAsync(email);
        if (attempt.IsLocked)
        {
            var lockedUserId = await services.Db.Users.Where(u => u.Email == email).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(cancellationToken);
            await services.Audit.RecordNowAsync(new AuditEntry(AuditActions.Login, AuditOutcome.Refused, lockedUserId, Reason: "locked"), cancellationToken);
            return Locked(response, attempt.RetryAfter);
        }

        if (attempt.Delay > TimeSpan.Zero)
        {
            await Task.Delay(attempt.Delay, services.Time, cancellationToken);
        }

        var user = await services.Db.Users.SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
        if (!services.Passwords.Verify(request.Password ?? string.Empty, user?.PasswordHash) || user is null)
        {
            var lockedFor = await throttle.FailedAsync(email, attempt);
            services.Audit.Record(new AuditEntry(AuditActions.Login, AuditOutcome.Failure, user?.Id,
                Reason: user is null ? "unknown-account" : "wrong-password"));
            if (lockedFor is { } retryAfter)
            {
                services.Audit.Record(new AuditEntry(AuditActions.Lockout, AuditOutcome.Success, user?.Id,
                    Resource: user is null ? null : $"user/{user.Id}", Reason: $"{attempt.Number}-failures"));
                await services.Db.SaveChangesAsync(cancellationToken);
                return Locked(response, retryAfter);
            }

            await services.Db.SaveChangesAsync(cancellationToken);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Login failed",
                detail: "The email or password is incorrect.");
        }

        await throttle.SucceededAsync(email);
        if (!user.IsEmailVerified)
        {
            await services.Audit.RecordNowAsync(new AuditEntry(AuditActions.Login, AuditOutcome.Refused, user.Id, Reason: "email-not-verified"), cancellationToken);
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Email not verified",
                detail: "Verify your email with the code we sent before logging in.");
        }

        // A hash made at a lower cost than configured, or a name under a retired key, is upgraded while we have them.
        if (services.Passwords.NeedsRehash(user.PasswordHash))
        {
            user.ChangePasswordHash(services.Passwords.Hash(request.Password!));
        }

        reEncryptor.ReEncryptIfStale(user);
        user.RecordLogin(services.Time.GetUtcNow());
        services.Audit.Record(new AuditEntry(AuditActions.Login, AuditOutcome.Success, user.Id));
        var tokens = await IssueTokensAsync(user, familyId: null, services, cancellationToken);
        return TypedResults.Ok(tokens);
    }

    public static async Task<Results<Ok<TokenPair>, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request, [AsParameters] AuthServices services, CancellationToken cancellationToken)
    {
        var now = services.Time.GetUtcNow();
        var presented = await FindRefreshTokenAsync(services.Db, request.RefreshToken, cancellationToken);
        if (presented is null || !presented.IsActive(now))
        {
            if (presented is { IsReuse: true })
            {
                var revoked = await services.Db.RefreshTokens.Where(t => t.FamilyId == presented.FamilyId).RevokeAsync(now, cancellationToken);
                await services.Audit.RecordNowAsync(new AuditEntry(AuditActions.RefreshTokenReuse, AuditOutcome.Refused, presented.UserId,
                    Resource: $"token-family/{presented.FamilyId}", Reason: $"family-revoked-{revoked}"), cancellationToken);
            }

            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Invalid refresh token",
                detail: "The refresh token is unknown, expired, revoked or already used. Log in again.");
        }

        var user = await services.Db.Users.SingleAsync(u => u.Id == presented.UserId, cancellationToken);
        presented.MarkRotated(now);
        return TypedResults.Ok(await IssueTokensAsync(user, presented.FamilyId, services, cancellationToken));
    }

    public static async Task<NoContent> LogoutAsync(
        RefreshRequest request, [AsParameters] AuthServices services, CancellationToken cancellationToken)
    {
        var presented = await FindRefreshTokenAsync(services.Db, request.RefreshToken, cancellationToken);
        if (presented is not null)
        {
            var now = services.Time.GetUtcNow();
            await services.Db.RefreshTokens.Where(t => t.FamilyId == presented.FamilyId).RevokeAsync(now, cancellationToken);
            await services.Audit.RecordNowAsync(new AuditEntry(AuditActions.Logout, AuditOutcome.Success, presented.UserId), cancellationToken);
        }

        return TypedResults.NoContent();
    }

    internal static ProblemHttpResult Locked(HttpResponse response, TimeSpan retryAfter)
    {
        response.Headers.RetryAfter = Seconds(retryAfter);
        return TypedResults.Problem(statusCode: StatusCodes.Status423Locked, title: "Account locked",
            detail: $"Too many failed logins. Try again in {Seconds(retryAfter)} seconds, or reset your password.");
    }

    private static string Seconds(TimeSpan span) => Math.Max(1, (int)Math.Ceiling(span.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static async Task<TokenPair> IssueTokensAsync(User user, Guid? familyId, AuthServices services, CancellationToken cancellationToken)
    {
        var (refreshToken, clearRefreshToken) = RefreshToken.Issue(user.Id, familyId, services.Time.GetUtcNow());
        services.Db.RefreshTokens.Add(refreshToken);
        await services.Db.SaveChangesAsync(cancellationToken);
        var accessToken = await services.Tokens.IssueAsync(user, cancellationToken);
        return new TokenPair(accessToken, clearRefreshToken, (int)AccessTokenIssuer.Lifetime.TotalSeconds);
    }

    private static Task<RefreshToken?> FindRefreshTokenAsync(IdentityDbContext db, string? clearToken, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(clearToken) || clearToken.Length > 200)
        {
            return Task.FromResult<RefreshToken?>(null);
        }

        var hash = RefreshToken.Hash(clearToken);
        return db.RefreshTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
    }

    private static ProblemHttpResult AccountExists() =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Account exists",
            detail: "An account with this email or username already exists.");
}

public sealed record RegisteredResponse(Guid UserId);

public sealed record VerifyEmailRequest(string? Email, string? Code);

public sealed record ResendCodeRequest(string? Email);

public sealed record LoginRequest(string? Email, string? Password);

public sealed record RefreshRequest(string? RefreshToken);

public sealed class AuthServices(
    IdentityDbContext db,
    PasswordHasher passwords,
    AccessTokenIssuer tokens,
    AccountMail mail,
    FieldEncryptor encryptor,
    AuditLog audit,
    TimeProvider time)
{
    public IdentityDbContext Db { get; } = db;
    public PasswordHasher Passwords { get; } = passwords;
    public AccessTokenIssuer Tokens { get; } = tokens;
    public AccountMail Mail { get; } = mail;
    public FieldEncryptor Encryptor { get; } = encryptor;
    public AuditLog Audit { get; } = audit;
    public TimeProvider Time { get; } = time;
}
