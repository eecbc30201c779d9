using System.Diagnostics;
using System.Text;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;

namespace ClosetConnect.ServiceDefaults.EventBus;

/// <summary>
/// W3C trace context (<c>traceparent</c>, <c>tracestate</c>) and baggage in AMQP headers, following the OpenTelemetry
/// messaging conventions, so one trace (and its baggage) spans the request, the outbox, the publish and the consumer.
/// </summary>
internal static class MessageTracing
{
    // Explicit rather than Propagators.DefaultTextMapPropagator, which is a no-op until an OpenTelemetry SDK is built.
    private static readonly TextMapPropagator Propagator =
        new CompositeTextMapPropagator([new TraceContextPropagator(), new BaggagePropagator()]);

    /// <summary>The current trace context and baggage, as the headers that carry them.</summary>
    public static Dictionary<string, string> Capture()
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        Propagator.Inject(new PropagationContext(Activity.Current?.Context ?? default, Baggage.Current), headers,
            static (carrier, key, value) => carrier[key] = value);
        return headers;
    }

    public static Activity? StartPublish(OutgoingMessage message, string exchange)
    {
        var stored = Extract(message.TraceContext);
        var activity = Instrumentation.ActivitySource.StartActivity($"publish {message.EventName}", ActivityKind.Producer, stored.ActivityContext);
        activity?.SetTag("messaging.system", "rabbitmq");
        activity?.SetTag("messaging.operation.type", "send");
        activity?.SetTag("messaging.destination.name", exchange);
        activity?.SetTag("messaging.rabbitmq.destination.routing_key", message.EventName);
        activity?.SetTag("messaging.message.id", message.Id.ToString());
        return activity;
    }

    /// <summary>The publish span's context when there is one, else the stored one (the chain is not broken); the stored baggage.</summary>
    public static void Inject(Activity? activity, OutgoingMessage message, IDictionary<string, object?> headers)
    {
        var stored = Extract(message.TraceContext);
        Propagator.Inject(new PropagationContext(activity?.Context ?? stored.ActivityContext, stored.Baggage), headers,
            static (carrier, key, value) => carrier[key] = value);
    }

    /// <summary>Starts the consumer's span as a child of the publish, and makes the message's baggage current.</summary>
    public static Activity? StartProcess(string eventName, string queue, string? messageId, IDictionary<string, object?>? headers)
    {
        var context = Propagator.Extract(default, headers, static (carrier, key) =>
            carrier is not null && carrier.TryGetValue(key, out var value) && AsString(value) is { } text ? [text] : []);
        Baggage.Current = context.Baggage;

        var activity = Instrumentation.ActivitySource.StartActivity($"process {eventName}", ActivityKind.Consumer, context.ActivityContext);
        activity?.SetTag("messaging.system", "rabbitmq");
        activity?.SetTag("messaging.operation.type", "process");
        activity?.SetTag("messaging.destination.name", queue);
        activity?.SetTag("messaging.rabbitmq.destination.routing_key", eventName);
        activity?.SetTag("messaging.message.id", messageId);
        return activity;
    }

    private static PropagationContext Extract(IReadOnlyDictionary<string, string> headers) =>
        Propagator.Extract(default, headers, static (carrier, key) => carrier.TryGetValue(key, out var value) ? [value] : []);

    // AMQP delivers string headers as byte arrays.
    private static string? AsString(object? value) => value switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        string text => text,
        _ => null,
    };
}
