namespace ClosetConnect.AppHost.Hosting.Telemetry;

/// <summary>The newest items up to a fixed capacity; adding to a full buffer drops the oldest. Not thread-safe.</summary>
internal sealed class RingBuffer<T>(int capacity)
{
    private readonly T[] items = new T[capacity];
    private int next;

    public int Count { get; private set; }

    public void Add(T item)
    {
        items[next] = item;
        next = (next + 1) % items.Length;
        Count = Math.Min(Count + 1, items.Length);
    }

    /// <summary>Appends the items to <paramref name="target"/>, oldest first.</summary>
    public void CopyTo(List<T> target)
    {
        var oldest = (next - Count + items.Length) % items.Length;
        for (var i = 0; i < Count; i++)
        {
            target.Add(items[(oldest + i) % items.Length]);
        }
    }
}
