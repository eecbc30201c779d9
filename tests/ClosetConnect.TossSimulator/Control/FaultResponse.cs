namespace ClosetConnect.TossSimulator.Control;

public sealed record FaultResponse(string OrderId, string Fault, int Remaining, int DelayMilliseconds);
