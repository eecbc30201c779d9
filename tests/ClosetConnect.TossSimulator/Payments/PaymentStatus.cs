namespace ClosetConnect.TossSimulator.Payments;

/// <summary>Toss's payment statuses; JSON writes them as <c>READY</c>, <c>IN_PROGRESS</c>, <c>PARTIAL_CANCELED</c>, ….</summary>
public enum PaymentStatus
{
    Ready,
    InProgress,
    WaitingForDeposit,
    Done,
    Canceled,
    PartialCanceled,
    Aborted,
    Expired,
}
