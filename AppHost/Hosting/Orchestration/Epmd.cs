using System.Diagnostics;

namespace ClosetConnect.AppHost.Hosting.Orchestration;

/// <summary>
/// Erlang's port mapper. rabbitmq-server starts one with <c>-daemon</c>, so it leaves the broker's process group
/// and outlives it; each broker gets a private epmd port, and this stops the epmd on that port.
/// </summary>
internal static class Epmd
{
    public static async Task StopAsync(int port, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("epmd", ["-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-kill"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using var epmd = Process.Start(startInfo);
            if (epmd is not null)
            {
                // "Cannot connect to local epmd" just means none is running on that port.
                await epmd.WaitForExitAsync(cancellationToken);
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No epmd binary: then no epmd can be running either.
        }
    }
}
