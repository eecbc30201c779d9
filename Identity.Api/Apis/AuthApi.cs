using ClosetConnect.Identity.Infrastructure.Email;
using ClosetConnect.Identity.Infrastructure.Encryption;
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

        services.Logger.LogInformation("Registered user {UserId}", user.Id);
        return TypedResults.Created("/api/v1/users/me", new RegisteredResponse(user.Id));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> VerifyEmailAsync(
        VerifyEmailRequest request, [AsParameters] AuthServices services, CancellationToken cancellationToken)
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
            await services.Db.SaveChangesAsync(cancellationToken);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid verification code",
                detail: $"The code is wrong, expired, already used or tried {EmailVerificationCode.MaxAttempts} times. Request a new code.");
        }

        user.VerifyEmail(now);
        await services.Db.SaveChangesAsync(cancellationToken);
        services.Logger.LogInformation("User {UserId} verified their email", user.Id);
        return TypedResults.NoContent();
    }

    /// <summary>Always 202, so the answer does not tell whether an account exists.</summary>
    public static async Task<Accepted> ResendVerificationCodeAsync(
        ResendCodeRequest request, [AsParameters] AuthServices services, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Normalize(request.Email);
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

    public static async Task<Results<Ok<TokenPair>, ProblemHttpResult>> LoginAsync(
        LoginRequest request, [AsParameters] AuthServices services, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Normalize(request.Email);
        var user = await services.Db.Users.SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
        if (!services.Passwords.Verify(request.Password ?? string.Empty, user?.PasswordHash) || user is null)
        {
            services.Logger.LogWarning("Failed login");
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Login failed",
                detail: "The email or password is incorrect.");
        }

        if (!user.IsEmailVerified)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Email not verified",
                detail: "Verify your email with the code we sent before logging in.");
        }

        var now = services.Time.GetUtcNow();
        user.RecordLogin(now);
        var tokens = await IssueTokensAsync(user, familyId: null, services, cancellationToken);
        services.Logger.LogInformation("User {UserId} logged in", user.Id);
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
                await services.Db.RefreshTokens
                    .Where(t => t.FamilyId == presented.FamilyId && t.RevokedAt == null)
                    .ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAt, now), cancellationToken);
                services.Logger.LogWarning("Refresh token reuse for user {UserId}; revoked its family", presented.UserId);
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
            await services.Db.RefreshTokens
                .Where(t => t.FamilyId == presented.FamilyId && t.RevokedAt == null)
                .ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAt, now), cancellationToken);
        }

        return TypedResults.NoContent();
    }

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
    TimeProvider time,
    ILogger<AuthServices> logger)
{
    public IdentityDbContext Db { get; } = db;
    public PasswordHasher Passwords { get; } = passwords;
    public AccessTokenIssuer Tokens { get; } = tokens;
    public AccountMail Mail { get; } = mail;
    public FieldEncryptor Encryptor { get; } = encryptor;
    public TimeProvider Time { get; } = time;
    public ILogger<AuthServices> Logger { get; } = logger;
}
