namespace ClosetConnect.AppHost.Hosting;

/// <summary>Whether the model is being run on this machine or published as manifests, as Aspire's class of the same name.</summary>
public sealed class DistributedApplicationExecutionContext(bool isPublishMode)
{
    public const string PublishCommandName = "publish";

    public bool IsPublishMode { get; } = isPublishMode;

    public bool IsRunMode => !IsPublishMode;

    public static DistributedApplicationExecutionContext FromArgs(IReadOnlyList<string> args) =>
        new(args.Count > 0 && args[0] == PublishCommandName);
}
