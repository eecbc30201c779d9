using System.ComponentModel.DataAnnotations;

namespace ClosetConnect.TossSimulator.Configuration;

/// <summary>
/// Section <c>Simulator</c>. The documented Toss facts are fixed in code; the settings below are either the keys and
/// URLs of this run, or the points that toss-api.md marks UNCONFIRMED, so a test can switch to the other guess.
/// </summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    public static readonly string[] DefaultSecretKeys = ["test_sk_closetconnect_simulator"];
    public static readonly string[] DefaultClientKeys = ["test_ck_closetconnect_simulator"];

    /// <summary>Accepted secret keys (Basic auth user names). Empty means <see cref="DefaultSecretKeys"/>.</summary>
    // Arrays start empty: the configuration binder appends to an initialised array instead of replacing it.
    public string[] SecretKeys { get; set; } = [];

    /// <summary>Accepted client keys (payment window). Empty means <see cref="DefaultClientKeys"/>.</summary>
    public string[] ClientKeys { get; set; } = [];

    /// <summary>Absolute URL that receives PAYMENT_STATUS_CHANGED webhooks; none are sent when empty.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>How long one minute of Toss's retry schedule (1, 4, 16, 64, 256, 1024, 4096 min) lasts.</summary>
    public TimeSpan WebhookRetryMinute { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A receiver that has not answered 200 within this time has failed (Toss: 10 s).</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Extra copies of every webhook, each with its own transmission id, because Toss sometimes sends duplicates.</summary>
    [Range(0, 5)]
    public int WebhookDuplicates { get; set; }

    /// <summary>Each first delivery waits a random time up to this, so events of one order can arrive out of order.</summary>
    public TimeSpan WebhookMaxJitter { get; set; } = TimeSpan.Zero;

    /// <summary>The <c>mId</c> of every payment (≤ 14 characters).</summary>
    [Required, StringLength(14, MinimumLength = 1)]
    public string MerchantId { get; set; } = "tosspayments";

    /// <summary>READY payments expire after this (Toss: 30 min for the customer to authenticate).</summary>
    public TimeSpan ReadyTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>IN_PROGRESS payments expire after this (Toss: 10 min for the merchant to confirm).</summary>
    public TimeSpan InProgressTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the background sweep expires payments nobody looks at (look-ups also expire them).</summary>
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>UNCONFIRMED: the code when a confirm's orderId or amount differs from the payment's.</summary>
    [Required]
    public string ConfirmMismatchCode { get; set; } = "INVALID_REQUEST";

    /// <summary>UNCONFIRMED: the code when a payment the customer has not authenticated yet (READY) is confirmed.</summary>
    [Required]
    public string ConfirmNotAuthenticatedCode { get; set; } = "NOT_FOUND_PAYMENT_SESSION";

    /// <summary>UNCONFIRMED: NOT_FOUND_PAYMENT or NOT_FOUND for an unknown payment on the two look-ups.</summary>
    [Required]
    public string GetNotFoundCode { get; set; } = "NOT_FOUND_PAYMENT";

    /// <summary>UNCONFIRMED: the code for cancelling a READY, IN_PROGRESS, ABORTED or EXPIRED payment.</summary>
    [Required]
    public string NotCancelableCode { get; set; } = "NOT_CANCELABLE_PAYMENT";

    /// <summary>UNCONFIRMED: the answer to a TossPayments-Test-Code this simulator does not know.</summary>
    [Required]
    public string UnknownTestCode { get; set; } = "INVALID_REQUEST";

    /// <summary>UNCONFIRMED: the HTTP status of NOT_SUPPORTED_WIDGET_KEY.</summary>
    [Range(400, 499)]
    public int NotSupportedWidgetKeyStatus { get; set; } = 403;

    /// <summary>Requests per minute per secret key and endpoint before <see cref="RateLimitCode"/>; 0 turns the limit off (Toss test: 100).</summary>
    [Range(0, int.MaxValue)]
    public int RateLimitPerMinute { get; set; }

    /// <summary>UNCONFIRMED: the code the test environment answers over its rate limit.</summary>
    [Required]
    public string RateLimitCode { get; set; } = "FORBIDDEN_CONSECUTIVE_REQUEST";

    public IReadOnlyList<string> EffectiveSecretKeys => SecretKeys.Length == 0 ? DefaultSecretKeys : SecretKeys;

    public IReadOnlyList<string> EffectiveClientKeys => ClientKeys.Length == 0 ? DefaultClientKeys : ClientKeys;
}
