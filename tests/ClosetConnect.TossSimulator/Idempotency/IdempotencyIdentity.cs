namespace ClosetConnect.TossSimulator.Idempotency;

/// <summary>What makes two requests "the same" for Toss: the key, the API key, the method and the URL path; never the body.</summary>
public sealed record IdempotencyIdentity(string Key, string SecretKey, string Method, string Path);
