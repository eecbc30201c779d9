namespace ClosetConnect.TossSimulator.Control;

/// <summary><c>POST /simulator/faults</c>: <c>fault</c> is drop-response, drop-request, delay or reject (with <c>code</c>, e.g. REJECT_CARD_PAYMENT); <c>count</c> defaults to 10.</summary>
public sealed record FaultRequest(string? OrderId, string? Fault, int? Count, int? DelayMilliseconds, string? Code);
