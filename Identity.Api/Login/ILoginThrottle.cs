namespace ClosetConnect.Identity.Login;

/// <summary>
/// Failed logins per account, shared by every replica: each attempt is counted before the password is checked (so
/// parallel guesses cannot slip past the limit), a success clears the count, the attempt after a failure waits
/// progressively longer, and the <see cref="LoginProtectionOptions.MaxFailures"/>th failure locks the account for
/// <see cref="LoginProtectionOptions.LockoutDuration"/>. Accounts are keyed by normalised email, existing or not.
/// </summary>
public interface ILoginThrottle
{
    Task<LoginAttempt> BeginAsync(string normalizedEmail);

    /// <summary>Counts the failure (already counted by <see cref="BeginAsync"/>); locks at the limit and says for how long.</summary>
    Task<TimeSpan?> FailedAsync(string normalizedEmail, LoginAttempt attempt);

    Task SucceededAsync(string normalizedEmail);

    /// <summary>Lifts a lock and forgets the failures (an admin's unlock, or a completed password reset); true when locked.</summary>
    Task<bool> UnlockAsync(string normalizedEmail);
}
