using System.Diagnostics;
using System.Text;

namespace ClosetConnect.TestKit.Hosting;

/// <summary>The AppHost as an operator runs it: <c>dotnet AppHost.dll ...</c> from its project folder, the build beside this test build.</summary>
public static class AppHostCommandLine
{
    public static Process Start(IEnumerable<string> arguments)
    {
        var process = Process.Start(new ProcessStartInfo("dotnet", [AssemblyPath(), .. arguments])
        {
            WorkingDirectory = Path.Combine(RepositoryPaths.Root, "AppHost"),
            Environment = { ["DOTNET_ENVIRONMENT"] = "Development" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        return process;
    }

    /// <summary>Runs a command (a pipeline step) to its end; fails with its output when it does not exit 0.</summary>
    public static async Task RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        using var process = Start(arguments);
        var output = new StringBuilder();
        process.OutputDataReceived += (_, line) => output.AppendLine(line.Data);
        process.ErrorDataReceived += (_, line) => output.AppendLine(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync(cancellationToken);
        Assert.That(process.ExitCode, Is.Zero, $"AppHost {string.Join(' ', arguments)}:\n{output}");
    }

    private static string AssemblyPath()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        return Path.Combine(RepositoryPaths.Root, "AppHost", "bin", configuration, "net10.0", "AppHost.dll");
    }
}
