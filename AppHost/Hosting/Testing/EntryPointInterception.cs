namespace ClosetConnect.AppHost.Hosting.Testing;

/// <summary>
/// While a test runs an AppHost's Program, <see cref="DistributedApplication.CreateBuilder(string[])"/> creates a
/// test-mode builder here, and that builder's <c>Build()</c> captures itself and stops Program with
/// <see cref="EntryPointInterceptedException"/>.
/// </summary>
internal sealed class EntryPointInterception(DistributedApplicationOptions testOptions)
{
    private static readonly AsyncLocal<EntryPointInterception?> CurrentInterception = new();

    public static EntryPointInterception? Current
    {
        get => CurrentInterception.Value;
        set => CurrentInterception.Value = value;
    }

    public IDistributedApplicationTestingBuilder? CapturedBuilder { get; private set; }

    public IDistributedApplicationBuilder CreateBuilder(string[] programArgs)
    {
        var builder = new DistributedApplicationBuilder(testOptions with { Args = [.. programArgs, .. testOptions.Args], IsTestMode = true })
        {
            InterceptBuild = built => CapturedBuilder = built,
        };
        return builder;
    }
}

/// <summary>Thrown by <c>Build()</c> in an intercepted Program, to stop it before it runs anything.</summary>
internal sealed class EntryPointInterceptedException : Exception
{
    public EntryPointInterceptedException() : base("The AppHost's Program was stopped at Build() by the testing builder.")
    {
    }
}
