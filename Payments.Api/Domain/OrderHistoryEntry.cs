namespace ClosetConnect.Payments.Domain;

/// <summary>One state change of an order, for the audit log: who (a role, never a person) moved it, and why.</summary>
public sealed record OrderHistoryEntry(int Sequence, OrderStatus? From, OrderStatus To, string Actor, string? Note, DateTimeOffset At);
