using ClosetConnect.TossSimulator.Api;
using ClosetConnect.TossSimulator.Configuration;
using ClosetConnect.TossSimulator.Webhooks;
using Microsoft.Extensions.Options;

namespace ClosetConnect.TossSimulator.Payments;

/// <summary>
/// The Toss API use cases: find the payment, hold its order's lock, let <see cref="Payment"/> apply the rule, and publish
/// a webhook for every status change. Expiry is applied lazily here, before every rule, and by <see cref="ExpirySweeper"/>.
/// </summary>
public sealed class PaymentProcessor(PaymentStore store, WebhookQueue webhooks, TimeProvider clock, IOptionsMonitor<SimulatorOptions> options)
{
    public PaymentOutcome Confirm(ConfirmRequest request, string secretKey)
    {
        if (store.FindPayment(request.PaymentKey) is not { } payment)
        {
            return PaymentOutcome.Fail("NOT_FOUND_PAYMENT");
        }
        lock (payment.Order.Gate)
        {
            var now = ExpireDue(payment.Order);
            if (payment.Confirm(request, secretKey, now, options.CurrentValue) is { } error)
            {
                return PaymentOutcome.Fail(error);
            }
            return PaymentOutcome.Ok(Publish(payment));
        }
    }

    public PaymentOutcome Get(string paymentKey) =>
        store.FindPayment(paymentKey) is { } payment ? Read(payment.Order, _ => payment) : PaymentOutcome.Fail(options.CurrentValue.GetNotFoundCode);

    public PaymentOutcome GetByOrderId(string orderId) =>
        store.FindOrder(orderId) is { } order ? Read(order, o => o.Current) : PaymentOutcome.Fail(options.CurrentValue.GetNotFoundCode);

    public PaymentOutcome Cancel(string paymentKey, CancelRequest request)
    {
        if (store.FindPayment(paymentKey) is not { } payment)
        {
            return PaymentOutcome.Fail("NOT_FOUND_PAYMENT");
        }
        lock (payment.Order.Gate)
        {
            var now = ExpireDue(payment.Order);
            if (payment.Cancel(request, now, options.CurrentValue) is { } error)
            {
                return PaymentOutcome.Fail(error);
            }
            return PaymentOutcome.Ok(Publish(payment));
        }
    }

    /// <summary>Expires every overdue payment (the background sweep); returns how many.</summary>
    public int ExpireAll()
    {
        var expired = 0;
        foreach (var order in store.Orders)
        {
            lock (order.Gate)
            {
                expired += ExpireOverdue(order, clock.GetUtcNow());
            }
        }
        return expired;
    }

    /// <summary>Expires the order's overdue attempts and returns now. Call with <see cref="Order.Gate"/> held.</summary>
    public DateTimeOffset ExpireDue(Order order)
    {
        var now = clock.GetUtcNow();
        ExpireOverdue(order, now);
        return now;
    }

    /// <summary>The payment's current snapshot, with a PAYMENT_STATUS_CHANGED for it queued. Call with <see cref="Order.Gate"/> held.</summary>
    public PaymentSnapshot Publish(Payment payment)
    {
        var snapshot = payment.ToSnapshot(options.CurrentValue.MerchantId);
        webhooks.PublishStatusChanged(snapshot);
        return snapshot;
    }

    private PaymentOutcome Read(Order order, Func<Order, Payment?> pick)
    {
        lock (order.Gate)
        {
            ExpireDue(order);
            return pick(order) is { } payment
                ? PaymentOutcome.Ok(payment.ToSnapshot(options.CurrentValue.MerchantId))
                : PaymentOutcome.Fail(options.CurrentValue.GetNotFoundCode);
        }
    }

    private int ExpireOverdue(Order order, DateTimeOffset now)
    {
        var settings = options.CurrentValue;
        var expired = 0;
        foreach (var payment in order.Attempts)
        {
            if (payment.ExpireIfDue(now, settings.ReadyTimeout, settings.InProgressTimeout))
            {
                Publish(payment);
                expired++;
            }
        }
        return expired;
    }
}
