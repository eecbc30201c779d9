namespace ClosetConnect.Identity.PasswordReset;

public sealed record PasswordResetConfirmation(string? Email, string? Token, string? NewPassword);
