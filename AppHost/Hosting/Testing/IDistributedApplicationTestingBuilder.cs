namespace ClosetConnect.AppHost.Hosting.Testing;

/// <summary>A builder in test mode: fresh temporary state, random ports. Add or change resources, then build.</summary>
public interface IDistributedApplicationTestingBuilder : IDistributedApplicationBuilder
{
    Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default);
}
