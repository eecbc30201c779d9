namespace ClosetConnect.TossSimulator.Checkout;

/// <summary>The codes Toss sends to failUrl.</summary>
public static class DeclineCodes
{
    public const string Canceled = "PAY_PROCESS_CANCELED";
    public const string Aborted = "PAY_PROCESS_ABORTED";
    public const string RejectedByCardCompany = "REJECT_CARD_COMPANY";

    public static readonly IReadOnlyList<string> All = [Canceled, Aborted, RejectedByCardCompany];
}
