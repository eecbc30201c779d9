namespace ClosetConnect.Payments.Domain;

/// <summary>Who changed an order, as the audit log records it: a role, so the log holds no personal data.</summary>
public static class OrderActor
{
    public const string Buyer = "buyer";
    public const string Seller = "seller";
    public const string Admin = "admin";
    public const string Reconciler = "reconciler";
    public const string TossWebhook = "toss-webhook";
    public const string Closet = "closet";
}
