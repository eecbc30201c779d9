using System.Diagnostics;
using System.Text;
using ClosetConnect.ServiceDefaults;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;

namespace ClosetConnect.EventBus.RabbitMQ;

/// <summary>
/// The publish and process spans of RabbitMQ messages, following the OpenTelemetry messaging conventions, with the
/// trace context and baggage of <see cref="MessageTracing"/> in the AMQP headers.
/// </summary>
internal static class RabbitMQTracing
{
    public static Activity? StartPublish(OutgoingMessage message, string exchange)
    {
        var stored = MessageTracing.Extract(message.TraceContext);
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
        var stored = MessageTracing.Extract(message.TraceContext);
        MessageTracing.Propagator.Inject(new PropagationContext(activity?.Context ?? stored.ActivityContext, stored.Baggage), headers,
            static (carrier, key, value) => carrier[key] = value);
    }

    /// <summary>Starts the consumer's span as a child of the publish, and makes the message's baggage current.</summary>
    public static Activity? StartProcess(string eventName, string queue, string? messageId, IDictionary<string, object?>? headers)
    {
        var context = MessageTracing.Propagator.Extract(default, headers, static (carrier, key) =>
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

    // AMQP delivers string headers as byte arrays.
    private static string? AsString(object? value) => value switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        string text => text,
        _ => null,
    };
}
