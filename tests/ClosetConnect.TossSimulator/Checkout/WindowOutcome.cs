namespace ClosetConnect.TossSimulator.Checkout;

/// <summary>What a payment-window step produced: a page to show, a redirect, or a problem for a 400 error page.</summary>
public sealed record WindowOutcome(WindowPage? Page, Uri? Redirect, string? Problem)
{
    public static WindowOutcome Show(WindowPage page) => new(page, null, null);

    public static WindowOutcome RedirectTo(Uri url) => new(null, url, null);

    public static WindowOutcome Fail(string problem) => new(null, null, problem);
}
