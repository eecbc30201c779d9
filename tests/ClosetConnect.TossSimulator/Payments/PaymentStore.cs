using System.Collections.Concurrent;

namespace ClosetConnect.TossSimulator.Payments;

/// <summary>All orders and payments, in memory: a simulator restart forgets everything, as a fresh test wants.</summary>
public sealed class PaymentStore
{
    private readonly ConcurrentDictionary<string, Order> orders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Payment> payments = new(StringComparer.Ordinal);

    public IEnumerable<Order> Orders => orders.Values;

    public Order GetOrAddOrder(string orderId) => orders.GetOrAdd(orderId, id => new Order(id));

    public Order? FindOrder(string orderId) => orders.GetValueOrDefault(orderId);

    public Payment? FindPayment(string paymentKey) => payments.GetValueOrDefault(paymentKey);

    public void Add(Payment payment)
    {
        payment.Order.Add(payment);
        payments[payment.PaymentKey] = payment;
    }

    public void Remove(Payment payment)
    {
        payment.Order.Remove(payment);
        payments.TryRemove(payment.PaymentKey, out _);
    }
}
