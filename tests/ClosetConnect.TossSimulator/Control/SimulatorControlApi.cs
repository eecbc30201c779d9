using ClosetConnect.TossSimulator.Api;
using ClosetConnect.TossSimulator.Clock;
using ClosetConnect.TossSimulator.Errors;
using ClosetConnect.TossSimulator.Payments;
using ClosetConnect.TossSimulator.Webhooks;

namespace ClosetConnect.TossSimulator.Control;

/// <summary>
/// Test-only endpoints under <c>/simulator</c>, with no authentication: Toss has nothing like them, and a real client
/// must never call them. They arm faults, cancel as the merchant console would, move the clock, and report on an order.
/// </summary>
public static class SimulatorControlApi
{
    private const int DefaultFaultCount = 10;
    private const int DefaultDelayMilliseconds = 2000;
    private const string ConsoleCancelReason = "가맹점 관리자 취소";

    public static RouteGroupBuilder MapSimulatorControlApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/simulator").WithTags("Simulator control (test-only)");
        api.MapPost("/faults", ArmFault).WithName("ArmConfirmFault").WithSummary("Sabotage the next confirms of an orderId.");
        api.MapDelete("/faults/{orderId}", ClearFault).WithName("ClearConfirmFault").WithSummary("Disarm an orderId's confirm fault.");
        api.MapPost("/payments/{paymentKey}/console-cancel", ConsoleCancel).WithName("ConsoleCancel")
            .WithSummary("Cancel the whole balance as if in Toss's merchant console (a webhook is sent).");
        api.MapPost("/clock", AdvanceClock).WithName("AdvanceClock").WithSummary("Move the simulator clock forward.");
        api.MapGet("/clock", ReadClock).WithName("ReadClock").WithSummary("The simulator clock.");
        api.MapGet("/orders/{orderId}", ReportOrder).WithName("ReportOrder").WithSummary("Approvals, cancels and webhooks of an order.");
        return api;
    }

    public static IResult ArmFault(FaultRequest request, FaultRegistry faults)
    {
        ConfirmFaultKind? kind = request.Fault switch
        {
            "drop-response" => ConfirmFaultKind.DropResponse,
            "drop-request" => ConfirmFaultKind.DropRequest,
            "delay" => ConfirmFaultKind.Delay,
            "reject" when TossErrorCatalog.Find(request.Code ?? string.Empty) is not null => ConfirmFaultKind.Reject,
            _ => null,
        };
        var count = request.Count ?? DefaultFaultCount;
        var delay = request.DelayMilliseconds ?? DefaultDelayMilliseconds;
        if (string.IsNullOrEmpty(request.OrderId) || kind is null || count < 1 || delay < 0)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["fault"] = ["Send {orderId, fault: drop-response | drop-request | delay | reject (with a known Toss code), count ≥ 1 (default 10), delayMilliseconds ≥ 0 (default 2000)}."],
            });
        }
        faults.Arm(new ConfirmFault(request.OrderId, kind.Value, count, TimeSpan.FromMilliseconds(delay), request.Code));
        return Results.Ok(new FaultResponse(request.OrderId, request.Fault!, count, delay));
    }

    public static IResult ClearFault(string orderId, FaultRegistry faults)
    {
        faults.Clear(orderId);
        return Results.NoContent();
    }

    public static IResult ConsoleCancel(string paymentKey, ConsoleCancelRequest? request, PaymentProcessor processor, TossResults results, HttpContext context) =>
        results.From(context.Request, processor.Cancel(paymentKey, new CancelRequest(request?.CancelReason ?? ConsoleCancelReason, null, null)));

    public static IResult AdvanceClock(ClockRequest request, SimulatorClock clock)
    {
        if (request.AdvanceSeconds is not { } seconds || seconds < 0 || double.IsNaN(seconds) || seconds > TimeSpan.FromDays(3650).TotalSeconds)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["advanceSeconds"] = ["Send {advanceSeconds}: a number of seconds ≥ 0 (the clock only moves forward)."],
            });
        }
        clock.Advance(TimeSpan.FromSeconds(seconds));
        return ReadClock(clock);
    }

    public static IResult ReadClock(SimulatorClock clock)
    {
        var now = clock.GetUtcNow();
        return Results.Ok(new ClockResponse(now, KstTime.Format(now), clock.Offset.TotalSeconds));
    }

    public static IResult ReportOrder(string orderId, PaymentStore store, PaymentProcessor processor, WebhookQueue webhooks)
    {
        if (store.FindOrder(orderId) is not { } order)
        {
            return Results.NotFound();
        }
        lock (order.Gate)
        {
            processor.ExpireDue(order);
            var current = order.Current;
            return Results.Ok(new OrderReport(
                orderId,
                current?.PaymentKey,
                current?.Status,
                order.Approvals,
                order.Attempts.Sum(p => p.Cancels.Count),
                current?.BalanceAmount,
                order.Attempts.Count,
                webhooks.ReportsFor(orderId)));
        }
    }
}
