namespace ClosetConnect.TossSimulator.Control;

/// <summary>How a confirm request is sabotaged (test-only; Toss has nothing like it).</summary>
public enum ConfirmFaultKind
{
    /// <summary>Approve as usual (the idempotent answer is recorded too), then drop the connection: the client never hears.</summary>
    DropResponse,

    /// <summary>Drop the connection before anything happens.</summary>
    DropRequest,

    /// <summary>Wait before processing, to exercise client timeouts and 409 IDEMPOTENT_REQUEST_PROCESSING.</summary>
    Delay,

    /// <summary>Refuse the confirm with a Toss error code, as a card company would (the test-code header, set for the client).</summary>
    Reject,
}
