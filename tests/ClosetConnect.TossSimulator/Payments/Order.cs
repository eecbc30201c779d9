namespace ClosetConnect.TossSimulator.Payments;

/// <summary>
/// Everything for one orderId: its payment attempts (a reopened window makes a new one) and how often a confirm
/// approved it. <see cref="Gate"/> serialises all changes, so two confirms can never both approve.
/// </summary>
public sealed class Order(string orderId)
{
    private readonly List<Payment> attempts = [];

    public string OrderId { get; } = orderId;
    public Lock Gate { get; } = new();
    public IReadOnlyList<Payment> Attempts => attempts;

    /// <summary>How many confirms approved a payment of this order; a correct client keeps it at most 1.</summary>
    public int Approvals { get; private set; }

    public bool HasApproval => attempts.Exists(p => p.IsApproved);

    /// <summary>The payment a look-up by orderId returns: the approved one, else the newest attempt.</summary>
    public Payment? Current => attempts.Find(p => p.IsApproved) ?? (attempts.Count == 0 ? null : attempts[^1]);

    public Payment? Latest => attempts.Count == 0 ? null : attempts[^1];

    public void Add(Payment payment) => attempts.Add(payment);

    public void Remove(Payment payment) => attempts.Remove(payment);

    public void RecordApproval() => Approvals++;
}
