namespace ClosetConnect.TossSimulator.Idempotency;

public enum IdempotencyClaimKind
{
    /// <summary>First use of the key: run the request and record its answer.</summary>
    Run,

    /// <summary>The first request with this key has not answered yet (409 IDEMPOTENT_REQUEST_PROCESSING).</summary>
    InProgress,

    /// <summary>Answered before: replay <see cref="IdempotencyClaim.Response"/>.</summary>
    Replay,
}
