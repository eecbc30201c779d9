namespace ClosetConnect.Identity.Domain;

/// <summary>An account. The login email is kept in clear (it is the lookup key); the full name is encrypted at rest.</summary>
public sealed class User
{
    private User()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Trimmed and lower-cased; unique.</summary>
    public string Email { get; private set; } = string.Empty;

    public string Username { get; private set; } = string.Empty;

    /// <summary>Encrypted at rest (AES-256-GCM); the key id travels with the value.</summary>
    public string FullNameEncrypted { get; private set; } = string.Empty;

    public string PasswordHash { get; private set; } = string.Empty;

    public string Role { get; private set; } = Roles.User;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? EmailVerifiedAt { get; private set; }

    public DateTimeOffset? LastLoginAt { get; private set; }

    public bool IsEmailVerified => EmailVerifiedAt is not null;

    public static User Register(string email, string username, string fullNameEncrypted, string passwordHash, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Email = email,
        Username = username,
        FullNameEncrypted = fullNameEncrypted,
        PasswordHash = passwordHash,
        CreatedAt = now,
    };

    public bool IsAdmin => Role == Domain.Roles.Admin;

    /// <summary>When the account was last used: the retention clock runs from here.</summary>
    public DateTimeOffset LastActiveAt => LastLoginAt ?? CreatedAt;

    /// <summary>The roles an access token carries: every account is a user; an admin is also an admin.</summary>
    public IReadOnlyList<string> GrantedRoles => IsAdmin ? [Domain.Roles.User, Domain.Roles.Admin] : [Domain.Roles.User];

    public void VerifyEmail(DateTimeOffset now) => EmailVerifiedAt ??= now;

    public void RecordLogin(DateTimeOffset now) => LastLoginAt = now;

    public void ChangePasswordHash(string passwordHash) => PasswordHash = passwordHash;

    public void ReplaceFullNameEncrypted(string fullNameEncrypted) => FullNameEncrypted = fullNameEncrypted;

    public void GrantAdmin() => Role = Domain.Roles.Admin;
}
