using System.Globalization;
using ClosetConnect.TossSimulator.Api;
using ClosetConnect.TossSimulator.Clock;
using ClosetConnect.TossSimulator.Configuration;
using ClosetConnect.TossSimulator.Errors;

namespace ClosetConnect.TossSimulator.Payments;

/// <summary>
/// One payment attempt and its state rules (toss-api.md §8, §9.4, §9.5, §9.7). Not thread-safe: callers hold
/// <see cref="Order.Gate"/> of <see cref="Order"/>, which serialises everything that happens to one orderId.
/// </summary>
public sealed class Payment(Order order, string paymentKey, CheckoutDetails checkout, DateTimeOffset requestedAt)
{
    public const string CardMethod = "카드";
    public const string ApiVersion = "2022-11-16";
    private const long CardMinimumAmount = 100;

    private readonly List<CancelTransaction> cancels = [];

    public Order Order { get; } = order;
    public string PaymentKey { get; } = paymentKey;
    public CheckoutDetails Checkout { get; } = checkout;
    public string OrderId => Checkout.OrderId;
    public long TotalAmount => Checkout.Amount;
    public DateTimeOffset RequestedAt { get; } = requestedAt;

    public PaymentStatus Status { get; private set; } = PaymentStatus.Ready;
    public DateTimeOffset? AuthenticatedAt { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public string? Method { get; private set; }
    public long BalanceAmount { get; private set; } = checkout.Amount;
    public string? LastTransactionKey { get; private set; }
    public TossError? Failure { get; private set; }
    public CardSnapshot? Card { get; private set; }
    public IReadOnlyList<CancelTransaction> Cancels => cancels;

    /// <summary>Approved at some point: the order has been paid, whatever was refunded since.</summary>
    public bool IsApproved => Status is PaymentStatus.Done or PaymentStatus.PartialCanceled or PaymentStatus.Canceled;

    /// <summary>READY after <paramref name="readyTimeout"/> since the request, IN_PROGRESS after <paramref name="inProgressTimeout"/> since authentication: EXPIRED.</summary>
    public bool ExpireIfDue(DateTimeOffset now, TimeSpan readyTimeout, TimeSpan inProgressTimeout)
    {
        var deadline = Status switch
        {
            PaymentStatus.Ready => RequestedAt + readyTimeout,
            PaymentStatus.InProgress => AuthenticatedAt!.Value + inProgressTimeout,
            _ => (DateTimeOffset?)null,
        };
        if (deadline is not { } due || now < due)
        {
            return false;
        }
        Status = PaymentStatus.Expired;
        Method = null;
        // Payment.failure is stored as Toss stores it, in Korean, whatever language a later reader asks in.
        Failure = TossErrorCatalog.Get("EXPIRED_PAYMENT").ToError(MessageLanguage.Korean);
        return true;
    }

    /// <summary>The customer authenticated in the window: READY → IN_PROGRESS, and the 10-minute confirm clock starts.</summary>
    public void Authenticate(DateTimeOffset now)
    {
        if (Status != PaymentStatus.Ready)
        {
            throw new InvalidOperationException($"Only a READY payment can be authenticated, not {Status}.");
        }
        Status = PaymentStatus.InProgress;
        AuthenticatedAt = now;
        Method = CardMethod;
    }

    /// <summary>The approval failed in the window (e.g. the card company refused): ABORTED with the failure.</summary>
    public void Abort(TossError failure)
    {
        Status = PaymentStatus.Aborted;
        Failure = failure;
    }

    /// <summary>
    /// Confirm, with the checks in toss-api.md §9.5's order (the caller has found the paymentKey and validated the body).
    /// Returns the error code that stops it, or null after approving.
    /// </summary>
    public string? Confirm(ConfirmRequest request, string secretKey, DateTimeOffset now, SimulatorOptions options)
    {
        if (!ApiKeys.ArePair(Checkout.ClientKey, secretKey))
        {
            return "INVALID_API_KEY";
        }
        if (Status == PaymentStatus.Expired)
        {
            return "NOT_FOUND_PAYMENT_SESSION";
        }
        if (IsApproved || Status == PaymentStatus.Aborted || Order.HasApproval)
        {
            return "ALREADY_PROCESSED_PAYMENT";
        }
        if (Status == PaymentStatus.Ready)
        {
            return options.ConfirmNotAuthenticatedCode;
        }
        if (!string.Equals(request.OrderId, OrderId, StringComparison.Ordinal) || request.Amount != TotalAmount)
        {
            return options.ConfirmMismatchCode;
        }
        if (TotalAmount < CardMinimumAmount)
        {
            return "BELOW_MINIMUM_AMOUNT";
        }

        Status = PaymentStatus.Done;
        ApprovedAt = now;
        Method = CardMethod;
        LastTransactionKey = TransactionKeys.NewTransactionKey();
        BalanceAmount = TotalAmount;
        Card = CardSnapshot.Approved(TotalAmount, (Order.Approvals + 1).ToString("D8", CultureInfo.InvariantCulture));
        Order.RecordApproval();
        return null;
    }

    /// <summary>
    /// Cancel, with the checks of toss-api.md §9.7. CANCELED only when a first cancel takes the whole balance; any other
    /// successful cancel leaves PARTIAL_CANCELED, even at balance 0. Returns the error code, or null after cancelling.
    /// </summary>
    public string? Cancel(CancelRequest request, DateTimeOffset now, SimulatorOptions options)
    {
        if (Status == PaymentStatus.Canceled)
        {
            return "ALREADY_CANCELED_PAYMENT";
        }
        if (!IsApproved)
        {
            return options.NotCancelableCode;
        }
        if (request.RefundableAmount is { } refundable && refundable != BalanceAmount)
        {
            return "NOT_MATCHES_REFUNDABLE_AMOUNT";
        }
        var amount = request.CancelAmount ?? BalanceAmount;
        if (BalanceAmount == 0 || amount > BalanceAmount)
        {
            return "NOT_CANCELABLE_AMOUNT";
        }

        var takesEverything = cancels.Count == 0 && amount == BalanceAmount;
        BalanceAmount -= amount;
        var cancel = new CancelTransaction(TransactionKeys.NewTransactionKey(), request.CancelReason, now, amount, BalanceAmount);
        cancels.Add(cancel);
        LastTransactionKey = cancel.TransactionKey;
        Status = takesEverything ? PaymentStatus.Canceled : PaymentStatus.PartialCanceled;
        if (BalanceAmount == 0 && Card is not null)
        {
            Card = Card with { AcquireStatus = "CANCELED" };
        }
        return null;
    }

    /// <summary>The Payment object as Toss would return it now.</summary>
    public PaymentSnapshot ToSnapshot(string merchantId)
    {
        // suppliedAmount and vat follow the refundable balance: they go down with every cancel.
        return new PaymentSnapshot(
            MId: merchantId,
            LastTransactionKey: LastTransactionKey,
            PaymentKey: PaymentKey,
            OrderId: OrderId,
            OrderName: Checkout.OrderName,
            TaxExemptionAmount: 0,
            Status: Status,
            RequestedAt: KstTime.Format(RequestedAt),
            ApprovedAt: ApprovedAt is { } approved ? KstTime.Format(approved) : null,
            UseEscrow: false,
            CultureExpense: Status == PaymentStatus.Expired ? null : false,
            Card: Card,
            VirtualAccount: null,
            Transfer: null,
            MobilePhone: null,
            GiftCertificate: null,
            CashReceipt: null,
            CashReceipts: null,
            Discount: null,
            Cancels: cancels.Count == 0 ? null : cancels.Select(CancelSnapshot.Of).ToList(),
            Secret: null,
            Type: "NORMAL",
            EasyPay: null,
            ForeignEasyPay: null,
            Country: "KR",
            Failure: Failure,
            IsPartialCancelable: true,
            Receipt: LastTransactionKey is null ? null : new UrlSnapshot($"https://dashboard.tosspayments.com/receipt/redirection?transactionId={LastTransactionKey}&ref=PX"),
            Checkout: new UrlSnapshot($"https://api.tosspayments.com/v1/payments/{PaymentKey}/checkout"),
            Currency: "KRW",
            TotalAmount: TotalAmount,
            BalanceAmount: BalanceAmount,
            SuppliedAmount: Vat.SuppliedAmountOf(BalanceAmount),
            Vat: Vat.Of(BalanceAmount),
            TaxFreeAmount: 0,
            Method: Method,
            Version: ApiVersion,
            Metadata: null);
    }
}
