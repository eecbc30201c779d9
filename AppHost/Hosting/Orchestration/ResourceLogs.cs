using System.Collections.Concurrent;

namespace ClosetConnect.AppHost.Hosting.Orchestration;

/// <summary>
/// Each resource's output: appended to <c>logs/{resource}.log</c>, echoed on the console with a coloured
/// <c>[resource]</c> prefix, and kept in memory (the last lines) for the dashboard.
/// </summary>
internal sealed class ResourceLogs(StateLayout state, bool echoToConsole, TimeProvider time) : IDisposable
{
    private static readonly string[] Colours = ["\e[36m", "\e[32m", "\e[33m", "\e[35m", "\e[34m", "\e[96m", "\e[92m", "\e[93m", "\e[95m", "\e[94m"];
    private static readonly Lock ConsoleGate = new();
    private readonly ConcurrentDictionary<string, ResourceLogStream> streams = new(StringComparer.Ordinal);
    private readonly bool useColour = !Console.IsOutputRedirected || Environment.GetEnvironmentVariable("FORCE_COLOR") is not null;

    public ResourceLogStream For(string resourceName) =>
        streams.GetOrAdd(resourceName, name => new ResourceLogStream(
            name, state.LogFile(name), echoToConsole ? WriteToConsole : null, Colours[streams.Count % Colours.Length], time));

    public IReadOnlyList<string> RecentLines(string resourceName, int count) =>
        streams.TryGetValue(resourceName, out var stream) ? stream.RecentLines(count) : [];

    public void Dispose()
    {
        foreach (var stream in streams.Values)
        {
            stream.Dispose();
        }
    }

    private void WriteToConsole(string prefix, string colour, string line, bool isError)
    {
        lock (ConsoleGate)
        {
            var writer = isError ? Console.Error : Console.Out;
            writer.WriteLine(useColour ? $"{colour}[{prefix}]\e[0m {line}" : $"[{prefix}] {line}");
        }
    }
}

internal sealed class ResourceLogStream : IDisposable
{
    private const int RetainedLines = 500;
    private readonly string name;
    private readonly string colour;
    private readonly Action<string, string, string, bool>? echo;
    private readonly TimeProvider time;
    private readonly Queue<string> recent = new(RetainedLines);
    private readonly StreamWriter file;
    private readonly Lock gate = new();

    public ResourceLogStream(string name, string path, Action<string, string, string, bool>? echo, string colour, TimeProvider time)
    {
        this.name = name;
        Path = path;
        this.echo = echo;
        this.colour = colour;
        this.time = time;
        file = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
    }

    public string Path { get; }

    public void Write(string line, bool isError = false)
    {
        var stamped = $"{time.GetUtcNow():HH:mm:ss.fff} {line}";
        lock (gate)
        {
            if (recent.Count == RetainedLines)
            {
                recent.Dequeue();
            }
            recent.Enqueue(stamped);
            file.WriteLine(stamped);
        }
        echo?.Invoke(name, colour, line, isError);
    }

    /// <summary>A line from the AppHost itself about this resource (started, crashed, restarting).</summary>
    public void WriteNotice(string message) => Write($"[apphost] {message}");

    public IReadOnlyList<string> RecentLines(int count)
    {
        lock (gate)
        {
            return [.. recent.Skip(Math.Max(0, recent.Count - count))];
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            file.Dispose();
        }
    }
}
