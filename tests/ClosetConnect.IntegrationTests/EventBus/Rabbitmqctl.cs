using System.Diagnostics;
using ClosetConnect.AppHost.Hosting.RabbitMQ;

namespace ClosetConnect.IntegrationTests.EventBus;

/// <summary><c>rabbitmqctl</c> against the application's broker: its node name, its Erlang cookie and its epmd.</summary>
internal static class Rabbitmqctl
{
    public static async Task<string> RunAsync(DistributedApplication app, CancellationToken cancellationToken, params string[] arguments)
    {
        var broker = app.Resources().OfType<RabbitMQServerResource>().Single();
        var start = new ProcessStartInfo("/usr/lib/rabbitmq/bin/rabbitmqctl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["HOME"] = broker.HomeDirectory,
                ["ERL_EPMD_PORT"] = broker.Epmd.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };
        foreach (var argument in (string[])["-n", broker.NodeName, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        Assert.That(process.ExitCode, Is.Zero, $"rabbitmqctl {string.Join(' ', arguments)}: {await errors}");
        return await output;
    }

    /// <summary>Blocks every connection that publishes, as a memory alarm does; <see cref="ClearMemoryAlarmAsync"/> ends it.</summary>
    public static Task RaiseMemoryAlarmAsync(DistributedApplication app, CancellationToken cancellationToken) =>
        RunAsync(app, cancellationToken, "set_vm_memory_high_watermark", "0");

    public static Task ClearMemoryAlarmAsync(DistributedApplication app, CancellationToken cancellationToken) =>
        RunAsync(app, cancellationToken, "set_vm_memory_high_watermark", "0.4");

    /// <summary>
    /// Makes the broker close the channel of every consumer of <paramref name="queue"/> with a channel error (an ack of
    /// an unknown delivery tag, as if the client had sent it), the way a consumer timeout or a client bug does.
    /// </summary>
    public static Task CloseConsumerChannelsAsync(DistributedApplication app, string queue, CancellationToken cancellationToken) =>
        RunAsync(app, cancellationToken, "eval", $$"""
            [rabbit_channel:do(proplists:get_value(channel_pid, C), {'basic.ack', 987654321, false})
             || C <- rabbit_amqqueue:consumers_all(<<"/">>),
                element(4, proplists:get_value(queue_name, C)) =:= <<"{{queue}}">>].
            """);
}
