namespace ClosetConnect.Identity.Login;

public sealed record LoginRequest(string? Email, string? Password);
