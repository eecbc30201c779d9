namespace ClosetConnect.TossSimulator.Errors;

/// <summary>Toss's error body, <c>{"code","message"}</c>; the same shape sits in <c>Payment.failure</c>.</summary>
public sealed record TossError(string Code, string Message);
