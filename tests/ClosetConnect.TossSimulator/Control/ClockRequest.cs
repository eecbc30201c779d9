namespace ClosetConnect.TossSimulator.Control;

/// <summary><c>POST /simulator/clock</c>: how far to move the simulator clock forward.</summary>
public sealed record ClockRequest(double? AdvanceSeconds);
