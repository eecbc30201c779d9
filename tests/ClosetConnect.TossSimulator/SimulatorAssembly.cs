namespace ClosetConnect.TossSimulator;

/// <summary>
/// Names this assembly for <c>WebApplicationFactory&lt;SimulatorAssembly&gt;</c>. The top-level Program stays internal:
/// test projects that also reference Payments.Api would otherwise see two global Program types.
/// </summary>
public sealed class SimulatorAssembly
{
    private SimulatorAssembly()
    {
    }
}
