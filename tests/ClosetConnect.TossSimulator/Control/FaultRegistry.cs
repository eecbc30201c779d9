using System.Collections.Concurrent;

namespace ClosetConnect.TossSimulator.Control;

/// <summary>Armed confirm faults by orderId; each confirm of that order uses one up.</summary>
public sealed class FaultRegistry
{
    private readonly ConcurrentDictionary<string, ConfirmFault> faults = new(StringComparer.Ordinal);

    public void Arm(ConfirmFault fault) => faults[fault.OrderId] = fault;

    public bool Clear(string orderId) => faults.TryRemove(orderId, out _);

    public ConfirmFault? Find(string orderId) => faults.GetValueOrDefault(orderId);

    /// <summary>The fault for this confirm, if one is armed, counting it down.</summary>
    public ConfirmFault? Take(string orderId)
    {
        while (faults.TryGetValue(orderId, out var fault))
        {
            var updated = fault with { Remaining = fault.Remaining - 1 };
            var swapped = updated.Remaining == 0
                ? faults.TryRemove(KeyValuePair.Create(orderId, fault))
                : faults.TryUpdate(orderId, updated, fault);
            if (swapped)
            {
                return fault;
            }
        }
        return null;
    }
}
