namespace ClosetConnect.TossSimulator.Payments;

/// <summary>What a Toss API use case produced: the payment after it, or the error code that stopped it.</summary>
public sealed record PaymentOutcome(PaymentSnapshot? Payment, string? ErrorCode)
{
    public static PaymentOutcome Ok(PaymentSnapshot payment) => new(payment, null);

    public static PaymentOutcome Fail(string code) => new(null, code);
}
