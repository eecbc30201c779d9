namespace ClosetConnect.Identity.Registration;

public sealed record VerifyEmailRequest(string? Email, string? Code);
