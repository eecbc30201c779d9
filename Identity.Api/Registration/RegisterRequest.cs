namespace ClosetConnect.Identity.Registration;

public sealed record RegisterRequest(string? Email, string? Username, string? Password, string? FullName);
