namespace ClosetConnect.Identity.Keys;

/// <summary>The key now signing, and the ones that keep verifying until they retire.</summary>
public sealed record KeyRotationResult(string ActiveKeyId, IReadOnlyList<RetiringKey> RetiringKeys, bool Emergency, int RevokedRefreshTokens);

public sealed record RetiringKey(string KeyId, DateTimeOffset RetiresAt);
