using ClosetConnect.TossSimulator.Configuration;
using ClosetConnect.TossSimulator.Errors;
using Microsoft.Extensions.Options;

namespace ClosetConnect.TossSimulator.Api;

/// <summary>
/// <c>TossPayments-Test-Code: REJECT_CARD_PAYMENT</c> on a POST with a test key answers that error before any other
/// validation, so a client can rehearse failures without a real payment. Live keys ignore it. It runs inside the
/// idempotency middleware, so the error is bound to an Idempotency-Key like any other answer.
/// </summary>
public sealed class TestCodeMiddleware(RequestDelegate next, IOptionsMonitor<SimulatorOptions> options, TossResults results)
{
    public const string HeaderName = "TossPayments-Test-Code";

    public async Task InvokeAsync(HttpContext context)
    {
        var code = context.Request.Headers[HeaderName].ToString().Trim();
        if (!HttpMethods.IsPost(context.Request.Method) || code.Length == 0 || !AuthenticatedSecretKey.Of(context).IsTest)
        {
            await next(context);
            return;
        }
        var definition = TossErrorCatalog.Find(code) ?? TossErrorCatalog.Get(options.CurrentValue.UnknownTestCode);
        await results.Error(context.Request, definition).ExecuteAsync(context);
    }
}
