namespace ClosetConnect.Payments.Domain;

public enum LedgerEntryKind
{
    /// <summary>The buyer's payment, credited to the seller.</summary>
    Sale,

    /// <summary>The platform's fee on a sale, debited.</summary>
    PlatformFee,

    /// <summary>A refunded sale, debited.</summary>
    SaleReversal,

    /// <summary>The fee of a refunded sale, credited back.</summary>
    PlatformFeeReversal,
}
