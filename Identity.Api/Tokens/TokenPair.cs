namespace ClosetConnect.Identity.Tokens;

/// <summary>What a login or a refresh hands out: a signed access token and the refresh token that renews it.</summary>
public sealed record TokenPair(string AccessToken, string RefreshToken, int ExpiresIn, string TokenType = "Bearer");
