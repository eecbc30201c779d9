namespace ClosetConnect.EventBus;

/// <summary>The bus's own message headers, besides W3C <c>traceparent</c>, <c>tracestate</c> and <c>baggage</c>.</summary>
public static class MessageHeaders
{
    /// <summary>Handler runs so far, on a message sent round its consumer's delay queue.</summary>
    public const string Attempts = "x-closetconnect-attempts";

    /// <summary>Why the last run failed, on a delayed or dead-lettered message.</summary>
    public const string Error = "x-closetconnect-error";
}
