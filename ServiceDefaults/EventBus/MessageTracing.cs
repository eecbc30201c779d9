using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;

namespace ClosetConnect.EventBus;

/// <summary>
/// W3C trace context (<c>traceparent</c>, <c>tracestate</c>) and baggage as message headers, so one trace (and its
/// baggage) spans the request, the outbox, the publish and the consumer. A transport's spans build on it.
/// </summary>
internal static class MessageTracing
{
    // Explicit rather than Propagators.DefaultTextMapPropagator, which is a no-op until an OpenTelemetry SDK is built.
    public static readonly TextMapPropagator Propagator =
        new CompositeTextMapPropagator([new TraceContextPropagator(), new BaggagePropagator()]);

    /// <summary>The current trace context and baggage, as the headers that carry them.</summary>
    public static Dictionary<string, string> Capture()
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        Propagator.Inject(new PropagationContext(Activity.Current?.Context ?? default, Baggage.Current), headers,
            static (carrier, key, value) => carrier[key] = value);
        return headers;
    }

    public static PropagationContext Extract(IReadOnlyDictionary<string, string> headers) =>
        Propagator.Extract(default, headers, static (carrier, key) => carrier.TryGetValue(key, out var value) ? [value] : []);
}
