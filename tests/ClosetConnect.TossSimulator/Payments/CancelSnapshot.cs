using ClosetConnect.TossSimulator.Clock;

namespace ClosetConnect.TossSimulator.Payments;

/// <summary>An entry of Payment.cancels, shaped like a real response.</summary>
public sealed record CancelSnapshot(
    string TransactionKey,
    string CancelReason,
    long TaxExemptionAmount,
    string CanceledAt,
    long EasyPayDiscountAmount,
    long TransferDiscountAmount,
    long CardDiscountAmount,
    string? ReceiptKey,
    string CancelStatus,
    string? CancelRequestId,
    long CancelAmount,
    long TaxFreeAmount,
    long RefundableAmount)
{
    public static CancelSnapshot Of(CancelTransaction cancel) =>
        new(cancel.TransactionKey, cancel.Reason, 0, KstTime.Format(cancel.CanceledAt), 0, 0, 0, null, "DONE", null, cancel.Amount, 0, cancel.RefundableAmount);
}
