namespace ClosetConnect.Identity.PasswordReset;

public sealed record PasswordResetRequest(string? Email);
