using ClosetConnect.TossSimulator.Configuration;
using ClosetConnect.TossSimulator.Errors;
using ClosetConnect.TossSimulator.Payments;
using Microsoft.Extensions.Options;

namespace ClosetConnect.TossSimulator.Api;

/// <summary>Turns outcomes into Toss responses: a Payment with 200, or <c>{code, message}</c> with the code's status in the caller's language.</summary>
public sealed class TossResults(IOptionsMonitor<SimulatorOptions> options)
{
    public const string JsonContentType = "application/json; charset=utf-8";

    public IResult Error(HttpRequest request, string code) => Error(request, TossErrorCatalog.Get(code));

    public IResult Error(HttpRequest request, TossErrorDefinition definition) =>
        Results.Json(definition.ToError(MessageLanguages.Of(request)), TossJson.Options, JsonContentType, StatusOf(definition));

    public IResult From(HttpRequest request, PaymentOutcome outcome) =>
        outcome.Payment is { } payment ? Results.Json(payment, TossJson.Options, JsonContentType) : Error(request, outcome.ErrorCode!);

    public Task WriteErrorAsync(HttpContext context, string code) => Error(context.Request, code).ExecuteAsync(context);

    private int StatusOf(TossErrorDefinition definition) =>
        definition.Code == "NOT_SUPPORTED_WIDGET_KEY" ? options.CurrentValue.NotSupportedWidgetKeyStatus : definition.Status;
}
