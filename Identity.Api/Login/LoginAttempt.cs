namespace ClosetConnect.Identity.Login;

/// <summary>What to do with a login attempt before the password is checked.</summary>
public sealed record LoginAttempt(bool IsLocked, TimeSpan RetryAfter, int Number, TimeSpan Delay);
