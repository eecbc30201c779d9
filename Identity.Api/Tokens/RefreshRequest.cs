namespace ClosetConnect.Identity.Tokens;

public sealed record RefreshRequest(string? RefreshToken);
