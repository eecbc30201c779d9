namespace ClosetConnect.Payments.Domain;

/// <summary>The order is not in a state that allows the change; <see cref="Exception.Message"/> says why, for the client.</summary>
public sealed class OrderStateException(string message) : Exception(message);
