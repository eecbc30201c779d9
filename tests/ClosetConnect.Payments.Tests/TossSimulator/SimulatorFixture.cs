namespace ClosetConnect.Payments.Tests.TossSimulator;

/// <summary>One in-memory simulator for all tests of a fixture, with a client that talks to it as Payments and the browser would.</summary>
public abstract class SimulatorFixture
{
    private SimulatorFactory factory = null!;

    protected TossTestClient Toss { get; private set; } = null!;

    /// <summary>Settings the fixture's simulator runs with (keys as <c>Simulator:SecretKeys:0</c>).</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    [OneTimeSetUp]
    public void StartSimulator()
    {
        factory = new SimulatorFactory(Settings);
        Toss = factory.CreateTossClient();
    }

    [OneTimeTearDown]
    public async Task StopSimulatorAsync()
    {
        Toss.Dispose();
        await factory.DisposeAsync();
    }
}
