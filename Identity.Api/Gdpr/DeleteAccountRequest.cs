namespace ClosetConnect.Identity.Gdpr;

public sealed record DeleteAccountRequest(string? Password);
