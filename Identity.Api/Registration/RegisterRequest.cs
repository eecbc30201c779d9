namespace ClosetConnect.Identity.Application;

public sealed record RegisterRequest(string? Email, string? Username, string? Password, string? FullName);
