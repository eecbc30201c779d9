using System.Diagnostics;
using System.Text;

namespace ClosetConnect.ServiceDefaults.EventBus;

/// <summary>W3C trace context in AMQP headers, following the OpenTelemetry messaging conventions.</summary>
internal static class MessageTracing
{
    private const string TraceParentHeader = "traceparent";
    private const string TraceStateHeader = "tracestate";

    public static Activity? StartPublish(string eventName, string exchange, Guid messageId, string? traceParent)
    {
        ActivityContext.TryParse(traceParent, null, out var parent);
        var activity = Instrumentation.ActivitySource.StartActivity($"publish {eventName}", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.system", "rabbitmq");
        activity?.SetTag("messaging.operation.type", "send");
        activity?.SetTag("messaging.destination.name", exchange);
        activity?.SetTag("messaging.rabbitmq.destination.routing_key", eventName);
        activity?.SetTag("messaging.message.id", messageId.ToString());
        return activity;
    }

    public static Activity? StartProcess(string eventName, string queue, string? messageId, IDictionary<string, object?>? headers)
    {
        var parent = default(ActivityContext);
        if (headers is not null && headers.TryGetValue(TraceParentHeader, out var value))
        {
            headers.TryGetValue(TraceStateHeader, out var state);
            ActivityContext.TryParse(AsString(value), AsString(state), isRemote: true, out parent);
        }

        var activity = Instrumentation.ActivitySource.StartActivity($"process {eventName}", ActivityKind.Consumer, parent);
        activity?.SetTag("messaging.system", "rabbitmq");
        activity?.SetTag("messaging.operation.type", "process");
        activity?.SetTag("messaging.destination.name", queue);
        activity?.SetTag("messaging.rabbitmq.destination.routing_key", eventName);
        activity?.SetTag("messaging.message.id", messageId);
        return activity;
    }

    /// <summary>The publish span's context when there is one; else the stored one, so the chain is not broken.</summary>
    public static void Inject(Activity? activity, string? storedTraceParent, IDictionary<string, object?> headers)
    {
        var traceParent = activity?.Id ?? storedTraceParent;
        if (traceParent is not null)
        {
            headers[TraceParentHeader] = traceParent;
        }

        if (activity?.TraceStateString is { Length: > 0 } traceState)
        {
            headers[TraceStateHeader] = traceState;
        }
    }

    // AMQP delivers string headers as byte arrays.
    private static string? AsString(object? value) => value switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        string text => text,
        _ => null,
    };
}
