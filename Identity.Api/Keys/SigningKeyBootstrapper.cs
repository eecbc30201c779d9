namespace ClosetConnect.Identity.Keys;

/// <summary>Runs after the migrations (registered after them), before the service takes requests.</summary>
internal sealed class SigningKeyBootstrapper(SigningKeyRing keyRing) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => keyRing.EnsureActiveKeyAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
