using System.Text.Json;

namespace ClosetConnect.Payments.Tests.TossSimulator;

/// <summary>One webhook as the receiver saw it, and what it answered.</summary>
public sealed record ReceivedWebhook(IReadOnlyDictionary<string, string> Headers, JsonElement Body, int AnsweredStatus)
{
    public string Status => Body.GetProperty("data").GetProperty("status").GetString()!;
}
