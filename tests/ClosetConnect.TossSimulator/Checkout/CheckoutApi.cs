using ClosetConnect.TossSimulator.Errors;

namespace ClosetConnect.TossSimulator.Checkout;

/// <summary>
/// The payment window the browser SDK would open (not part of Toss's API). Plain HTML forms; no antiforgery, because
/// the window has no session or cookie to protect.
/// </summary>
public static class CheckoutApi
{
    private const string HtmlContentType = "text/html; charset=utf-8";

    public static RouteGroupBuilder MapCheckout(this IEndpointRouteBuilder app)
    {
        var window = app.MapGroup("/checkout").WithTags("Payment window (simulator)");
        window.MapGet("/", Open).WithName("OpenPaymentWindow").WithSummary("The window requestPayment would open; creates a READY payment.");
        window.MapPost("/approve", ApproveAsync).WithName("ApprovePayment").WithSummary("The customer pays: IN_PROGRESS, 303 to successUrl.");
        window.MapPost("/decline", DeclineAsync).WithName("DeclinePayment").WithSummary("The customer cancels or the card is refused: 303 to failUrl.");
        window.MapGet("/result", Result).WithName("PaymentWindowResult").WithSummary("A developer page for successUrl/failUrl.");
        return window;
    }

    public static IResult Open(HttpRequest request, PaymentWindow window)
    {
        var (details, problems) = CheckoutQuery.Read(request.Query, window.ClientKeys);
        return details is null ? Html(CheckoutPages.Error("The payment window cannot open", problems), 400) : Show(window.Open(details));
    }

    public static async Task<IResult> ApproveAsync(HttpRequest request, PaymentWindow window, CancellationToken cancellationToken)
    {
        var form = await ReadFormAsync(request, cancellationToken);
        return Show(window.Approve(form["orderId"].ToString(), form["amount"].ToString()));
    }

    public static async Task<IResult> DeclineAsync(HttpRequest request, PaymentWindow window, CancellationToken cancellationToken)
    {
        var form = await ReadFormAsync(request, cancellationToken);
        return Show(window.Decline(form["orderId"].ToString(), form["code"].ToString(), MessageLanguages.Of(request)));
    }

    public static IResult Result(HttpRequest request) => Html(CheckoutPages.Result(request.Query), 200);

    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken) =>
        request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : FormCollection.Empty;

    private static IResult Show(WindowOutcome outcome) => outcome switch
    {
        { Page: { } page } => Html(CheckoutPages.Window(page), 200),
        { Redirect: { } url } => new SeeOtherResult(url),
        _ => Html(CheckoutPages.Error("Payment window", [outcome.Problem!]), 400),
    };

    private static IResult Html(string html, int status) => Results.Content(html, HtmlContentType, statusCode: status);
}
