using System.Reflection;

namespace ClosetConnect.AppHost.Hosting.Testing;

/// <summary>
/// Runs an AppHost's Program in test mode, as Aspire.Hosting.Testing does: the Program builds its model as usual,
/// and its <c>builder.Build()</c> hands the builder over here instead of running it.
/// </summary>
public static class DistributedApplicationTestingBuilder
{
    /// <summary>The model of the AppHost whose metadata class is <typeparamref name="TEntryPoint"/> (<c>Projects.AppHost</c>).</summary>
    public static Task<IDistributedApplicationTestingBuilder> CreateAsync<TEntryPoint>(CancellationToken cancellationToken = default)
        where TEntryPoint : IProjectMetadata, new() =>
        CreateAsync<TEntryPoint>([], cancellationToken);

    public static Task<IDistributedApplicationTestingBuilder> CreateAsync<TEntryPoint>(string[] args, CancellationToken cancellationToken = default)
        where TEntryPoint : IProjectMetadata, new() =>
        CreateAsync<TEntryPoint>(new DistributedApplicationOptions { Args = args }, cancellationToken);

    /// <summary>As above with options, e.g. a <c>StateDirectory</c> that several runs share (backup, wipe, restore).</summary>
    public static async Task<IDistributedApplicationTestingBuilder> CreateAsync<TEntryPoint>(DistributedApplicationOptions options, CancellationToken cancellationToken = default)
        where TEntryPoint : IProjectMetadata, new()
    {
        var entryPoint = typeof(TEntryPoint).Assembly.EntryPoint
            ?? throw new DistributedApplicationException($"{typeof(TEntryPoint).Assembly.GetName().Name} has no entry point.");
        var interception = new EntryPointInterception(options);
        var previous = EntryPointInterception.Current;
        EntryPointInterception.Current = interception;
        try
        {
            var result = entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? null : [options.Args]);
            if (result is Task task)
            {
                await task.WaitAsync(cancellationToken);
            }
        }
        catch (Exception e) when (IsInterception(e))
        {
            // Program stopped at builder.Build(), as intended.
        }
        finally
        {
            EntryPointInterception.Current = previous;
        }
        return interception.CapturedBuilder
            ?? throw new DistributedApplicationException("The AppHost's Program ended without calling builder.Build().");
    }

    /// <summary>An empty model in test mode, for tests that need only some servers (e.g. MariaDB and RabbitMQ for bus tests).</summary>
    public static IDistributedApplicationTestingBuilder Create(params string[] args) =>
        Create(new DistributedApplicationOptions { Args = args, IsTestMode = true });

    /// <summary>As <see cref="Create(string[])"/>, with options, e.g. a <c>StateDirectory</c> kept between two runs.</summary>
    public static IDistributedApplicationTestingBuilder Create(DistributedApplicationOptions options) =>
        new DistributedApplicationBuilder(options with { IsTestMode = true });

    private static bool IsInterception(Exception e) =>
        e is EntryPointInterceptedException || (e is TargetInvocationException { InnerException: EntryPointInterceptedException });
}
