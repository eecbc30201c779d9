namespace ClosetConnect.TossSimulator.Control;

/// <summary><c>POST /simulator/payments/{paymentKey}/console-cancel</c>.</summary>
public sealed record ConsoleCancelRequest(string? CancelReason);
