namespace ClosetConnect.TossSimulator.Idempotency;

/// <summary>What the store says about a request's key: run it, it is still running, or here is its first answer.</summary>
public sealed record IdempotencyClaim(IdempotencyClaimKind Kind, RecordedResponse? Response = null);
