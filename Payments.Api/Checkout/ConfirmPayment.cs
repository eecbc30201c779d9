using ClosetConnect.Payments.Settlement;
using ClosetConnect.Payments.Toss;
using Microsoft.AspNetCore.Mvc;

namespace ClosetConnect.Payments.Checkout;

/// <summary>
/// The buyer is back from the payment window: check the redirect against the order, then ask Toss to confirm. The
/// money is right before Toss is called (the amount must be the order's, the reservation must still hold), a repeat
/// of a confirm (double click, same Idempotency-Key) answers the same without a second charge, and a confirm whose
/// answer never came leaves the order confirming for the reconciler.
/// </summary>
public sealed class ConfirmPayment(PaymentsDbContext db, TossClient toss, PaymentSettlement settlement, TimeProvider time, ILogger<ConfirmPayment> logger)
{
    /// <summary>How long a repeat waits for the confirm already in flight before it answers "confirming".</summary>
    private static readonly TimeSpan RepeatWait = TimeSpan.FromSeconds(10);

    public async Task<ConfirmResult> HandleAsync(ConfirmRequest request, Guid buyerId, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var errors = Validate(request, idempotencyKey, out var orderId);
        if (errors.Count > 0)
        {
            return ConfirmResult.Invalid(errors);
        }

        var order = await db.Orders.SingleOrDefaultAsync(o => o.Id == orderId && o.BuyerId == buyerId, cancellationToken);
        if (order is null)
        {
            return ConfirmResult.Refused(StatusCodes.Status404NotFound, "Order not found", "You have no order with this id.");
        }

        var paymentKey = request.PaymentKey!;
        if (order.Status is OrderStatus.Paid or OrderStatus.Confirming)
        {
            return await AnswerRepeatAsync(order, paymentKey, idempotencyKey, cancellationToken);
        }

        if (request.Amount != order.Amount)
        {
            logger.LogWarning("Confirm of order {OrderId} refused: amount {Amount} differs from the order's {OrderAmount}", order.Id, request.Amount, order.Amount);
            return ConfirmResult.Refused(StatusCodes.Status400BadRequest, "Amount mismatch",
                $"The amount {request.Amount} is not this order's amount ({order.Amount} {order.Currency}); nothing was charged.");
        }

        if (order.Status != OrderStatus.Pending || order.IsExpiredAt(time.GetUtcNow()))
        {
            return await RefuseEndedOrderAsync(order, paymentKey, cancellationToken);
        }

        order.BeginConfirm(paymentKey, idempotencyKey, time.GetUtcNow());
        if (!await TrySaveAsync())
        {
            // Another confirm of this order (a double click on another replica) won the race: answer what it gets.
            return await AnswerCurrentAsync(orderId, paymentKey, idempotencyKey, cancellationToken);
        }

        return await ConfirmWithTossAsync(order, paymentKey, cancellationToken);
    }

    private async Task<ConfirmResult> ConfirmWithTossAsync(Order order, string paymentKey, CancellationToken cancellationToken)
    {
        TossPayment payment;
        try
        {
            payment = await toss.ConfirmAsync(paymentKey, order.TossOrderId, order.Amount, cancellationToken);
        }
        catch (TossUnavailableException exception)
        {
            logger.LogWarning(exception, "Toss did not answer the confirm of order {OrderId}; the reconciler will settle it", order.Id);
            return ConfirmResult.Confirming(order);
        }
        catch (TossRejectedException refusal) when (refusal.Code == "ALREADY_PROCESSED_PAYMENT")
        {
            // An earlier confirm went through but its answer was lost: Toss's payment is the truth.
            payment = await toss.GetAsync(paymentKey, cancellationToken);
        }
        catch (TossRejectedException refusal)
        {
            order.ReturnToPending($"Toss refused the confirm: {refusal.Code}", OrderActor.Buyer, time.GetUtcNow());
            if (!await TrySaveAsync())
            {
                return await AnswerCurrentAsync(order.Id, paymentKey, idempotencyKey: null, cancellationToken);
            }

            logger.LogInformation("Toss refused the confirm of order {OrderId}: {Code}", order.Id, refusal.Code);
            return ConfirmResult.TossRefused(TossProblems.For(refusal));
        }

        var outcome = await settlement.ReconcileAsync(order, payment, OrderActor.Buyer, cancellationToken);
        if (!await TrySaveAsync())
        {
            // Toss's webhook (or the reconciler) settled the order while our confirm was on its way back: its word stands.
            return await AnswerCurrentAsync(order.Id, paymentKey, idempotencyKey: null, cancellationToken);
        }

        return order.Status == OrderStatus.Paid
            ? ConfirmResult.Paid(order)
            : ConfirmResult.Refused(StatusCodes.Status409Conflict, "Payment not approved", $"Toss holds the payment as {payment.Status}; the order is {Order.Describe(order.Status)} ({outcome}).");
    }

    /// <summary>False when someone else changed the order first (the concurrency token); nothing of ours was written.</summary>
    private async Task<bool> TrySaveAsync()
    {
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task<ConfirmResult> AnswerCurrentAsync(Guid orderId, string paymentKey, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var current = await db.Orders.SingleAsync(o => o.Id == orderId, cancellationToken);
        return await AnswerRepeatAsync(current, paymentKey, idempotencyKey, cancellationToken);
    }

    private async Task<ConfirmResult> AnswerRepeatAsync(Order order, string paymentKey, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + RepeatWait;
        while (order.Status == OrderStatus.Confirming && time.GetUtcNow() < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), time, cancellationToken);
            await db.Entry(order).ReloadAsync(cancellationToken);
        }

        var sameRequest = order.PaymentKey == paymentKey || (idempotencyKey is not null && order.ConfirmIdempotencyKey == idempotencyKey);
        if (!sameRequest)
        {
            return ConfirmResult.Refused(StatusCodes.Status409Conflict, "Order already being paid",
                $"This order is {Order.Describe(order.Status)} with another payment; nothing was charged for this one.");
        }

        return order.Status switch
        {
            OrderStatus.Paid => ConfirmResult.Paid(order),
            OrderStatus.Confirming => ConfirmResult.Confirming(order),
            _ => ConfirmResult.Refused(StatusCodes.Status409Conflict, "Payment not approved", $"This order is {Order.Describe(order.Status)}."),
        };
    }

    /// <summary>
    /// The reservation is over (or the order was cancelled): refuse, and should Toss have approved this payment
    /// already (an earlier attempt whose answer was lost), cancel it, so nobody pays for an item they cannot get.
    /// </summary>
    private async Task<ConfirmResult> RefuseEndedOrderAsync(Order order, string paymentKey, CancellationToken cancellationToken)
    {
        if (order.Status == OrderStatus.Pending)
        {
            settlement.Expire(order, OrderActor.Buyer);
            if (!await TrySaveAsync())
            {
                // Toss's webhook or the reconciler ended it first, seeing the same approved payment: go on from theirs.
                order = await db.Orders.SingleAsync(o => o.Id == order.Id, cancellationToken);
            }
        }

        try
        {
            // An ended order with an approved payment is voided, as the webhook and the reconciler would.
            var outcome = await settlement.ReconcileAsync(order, await toss.GetAsync(paymentKey, cancellationToken), OrderActor.Buyer, cancellationToken);
            logger.LogInformation("Confirm of ended order {OrderId} refused; its payment: {Outcome}", order.Id, outcome);
        }
        catch (TossRejectedException)
        {
            // Toss knows no such payment (or it was never approved): nothing to give back.
        }

        return ConfirmResult.Refused(StatusCodes.Status409Conflict, "Order ended",
            order.Status == OrderStatus.Expired
                ? $"The reservation of this order ended at {order.ExpiresAt:u}; nothing was charged. Place a new order to buy the item."
                : $"This order is {Order.Describe(order.Status)}; nothing was charged.");
    }

    private static Dictionary<string, string[]> Validate(ConfirmRequest request, string? idempotencyKey, out Guid orderId)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.PaymentKey) || request.PaymentKey.Length > 200)
        {
            errors["paymentKey"] = ["Send the paymentKey from the successUrl redirect (1–200 characters)."];
        }

        if (!Guid.TryParse(request.OrderId, out orderId))
        {
            errors["orderId"] = ["Send the orderId from the successUrl redirect."];
        }

        if (request.Amount is null or < 1)
        {
            errors["amount"] = ["Send the amount from the successUrl redirect."];
        }

        if (idempotencyKey is { Length: > 300 })
        {
            errors["Idempotency-Key"] = ["An Idempotency-Key is at most 300 characters."];
        }

        return errors;
    }
}

public sealed record ConfirmResult(int Status, ConfirmResponse? Response, Dictionary<string, string[]>? Errors, ProblemDetails? Problem)
{
    public static ConfirmResult Paid(Order order) => new(StatusCodes.Status200OK, Body(order), null, null);

    /// <summary>Toss's answer is unknown yet: 202, the reconciler settles the order.</summary>
    public static ConfirmResult Confirming(Order order) => new(StatusCodes.Status202Accepted, Body(order), null, null);

    public static ConfirmResult Invalid(Dictionary<string, string[]> errors) => new(StatusCodes.Status400BadRequest, null, errors, null);

    public static ConfirmResult TossRefused(ProblemDetails problem) => new(problem.Status!.Value, null, null, problem);

    public static ConfirmResult Refused(int status, string title, string detail) =>
        new(status, null, null, new ProblemDetails { Status = status, Title = title, Detail = detail });

    private static ConfirmResponse Body(Order order) => new(order.Id, Order.Describe(order.Status), order.Amount, order.Currency, order.ApprovedAt);
}
