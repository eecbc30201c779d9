namespace ClosetConnect.TossSimulator.Payments;

/// <summary>Payment.card: a masked test card (issuer and acquirer 71 = Lotte in Toss's code table).</summary>
public sealed record CardSnapshot(
    string IssuerCode,
    string AcquirerCode,
    string Number,
    int InstallmentPlanMonths,
    bool IsInterestFree,
    string? InterestPayer,
    string ApproveNo,
    bool UseCardPoint,
    string CardType,
    string OwnerType,
    string AcquireStatus,
    long Amount)
{
    public static CardSnapshot Approved(long amount, string approveNo) =>
        new("71", "71", "43301234****123*", 0, false, null, approveNo, false, "신용", "개인", "READY", amount);
}
