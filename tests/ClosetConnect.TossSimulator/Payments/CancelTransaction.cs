namespace ClosetConnect.TossSimulator.Payments;

/// <summary>One successful cancel; <see cref="RefundableAmount"/> is the balance left after it.</summary>
public sealed record CancelTransaction(string TransactionKey, string Reason, DateTimeOffset CanceledAt, long Amount, long RefundableAmount);
