namespace ClosetConnect.TossSimulator.Control;

/// <summary>A fault armed for the next <see cref="Remaining"/> confirms of one orderId.</summary>
public sealed record ConfirmFault(string OrderId, ConfirmFaultKind Kind, int Remaining, TimeSpan Delay, string? Code = null);
