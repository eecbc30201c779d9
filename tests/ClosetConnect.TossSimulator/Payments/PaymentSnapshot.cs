using System.Text.Json.Serialization;
using ClosetConnect.TossSimulator.Errors;

namespace ClosetConnect.TossSimulator.Payments;

/// <summary>
/// Toss's Payment object (API version 2022-11-16) as it goes over the wire, members in Toss's order. Members for
/// methods this simulator does not offer (virtual account, transfer, easy pay, …) are always null, as on a card payment.
/// </summary>
public sealed record PaymentSnapshot(
    [property: JsonPropertyName("mId")] string MId,
    string? LastTransactionKey,
    string PaymentKey,
    string OrderId,
    string OrderName,
    long TaxExemptionAmount,
    PaymentStatus Status,
    string RequestedAt,
    string? ApprovedAt,
    bool UseEscrow,
    bool? CultureExpense,
    CardSnapshot? Card,
    object? VirtualAccount,
    object? Transfer,
    object? MobilePhone,
    object? GiftCertificate,
    object? CashReceipt,
    object? CashReceipts,
    object? Discount,
    IReadOnlyList<CancelSnapshot>? Cancels,
    string? Secret,
    string Type,
    object? EasyPay,
    object? ForeignEasyPay,
    string Country,
    TossError? Failure,
    bool IsPartialCancelable,
    UrlSnapshot? Receipt,
    UrlSnapshot Checkout,
    string Currency,
    long TotalAmount,
    long BalanceAmount,
    long SuppliedAmount,
    long Vat,
    long TaxFreeAmount,
    string? Method,
    string Version,
    object? Metadata);
