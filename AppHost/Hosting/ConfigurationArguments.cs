namespace ClosetConnect.AppHost.Hosting;

/// <summary>
/// The command-line arguments that are settings (<c>--AppHost:GatewayPort=9080</c>, <c>--AppHost:StateDirectory DIR</c>:
/// a key with a section). The rest belongs to the command: its name, its options (<c>--environment</c>) and positional
/// arguments such as a restore archive, which the configuration parser would otherwise misread (<c>/tmp/x</c> as a
/// "/key" switch swallowing the next argument).
/// </summary>
internal static class ConfigurationArguments
{
    public static string[] Select(IReadOnlyList<string> args)
    {
        var settings = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? arg[2..] : arg[2..equals];
            if (!key.Contains(':', StringComparison.Ordinal))
            {
                continue;
            }
            settings.Add(arg);
            if (equals < 0 && i + 1 < args.Count)
            {
                settings.Add(args[++i]);
            }
        }
        return [.. settings];
    }
}
