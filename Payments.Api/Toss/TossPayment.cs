namespace ClosetConnect.Payments.Toss;

/// <summary>
/// The part of Toss's Payment object Payments acts on. Toss adds members without a new API version, so unknown
/// members are ignored.
/// </summary>
public sealed record TossPayment(
    string PaymentKey,
    string OrderId,
    string Status,
    long TotalAmount,
    long BalanceAmount,
    string Currency,
    DateTimeOffset? ApprovedAt,
    TossError? Failure)
{
    public const string Done = "DONE";
    public const string Canceled = "CANCELED";
    public const string PartialCanceled = "PARTIAL_CANCELED";

    public bool IsApproved => Status == Done;

    /// <summary>Money went back to the buyer in Toss (here or in Toss's merchant console).</summary>
    public bool IsCanceled => Status is Canceled or PartialCanceled;
}

/// <summary>Toss's error body, <c>{code, message}</c>; also the <c>failure</c> member of a payment that failed.</summary>
public sealed record TossError(string Code, string Message);
