using Microsoft.Extensions.Primitives;

namespace ClosetConnect.TossSimulator.Idempotency;

/// <summary>The first answer to an idempotent request, replayed byte for byte to every repeat.</summary>
public sealed record RecordedResponse(int StatusCode, IReadOnlyList<KeyValuePair<string, StringValues>> Headers, byte[] Body, string TraceId);
