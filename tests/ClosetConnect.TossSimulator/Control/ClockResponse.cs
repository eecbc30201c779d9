namespace ClosetConnect.TossSimulator.Control;

/// <summary>The simulator's now (UTC and as Toss writes it in KST) and how far it is ahead of the real clock.</summary>
public sealed record ClockResponse(DateTimeOffset Now, string NowKst, double OffsetSeconds);
