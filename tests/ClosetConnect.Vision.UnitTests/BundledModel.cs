using ClosetConnect.Vision.Analysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClosetConnect.Vision.UnitTests;

/// <summary>
/// The bundled model, loaded once for every fixture that only analyses photos. Fixtures that count the batcher's work
/// or load another model build a host of their own (<see cref="VisionFixtures.BuildHost"/>).
/// </summary>
[SetUpFixture]
public sealed class BundledModel
{
    private static readonly Lazy<IHost> Host = new(() =>
    {
        var host = VisionFixtures.BuildHost();
        var model = VisionFixtures.LoadModel(host);
        Assert.That(model.State.IsLoaded, Is.True, model.State.Error);
        return host;
    });

    public static IGarmentAnalyzer Analyzer => Host.Value.Services.GetRequiredService<IGarmentAnalyzer>();

    [OneTimeTearDown]
    public void Unload()
    {
        if (Host.IsValueCreated)
        {
            Host.Value.Dispose();
        }
    }
}
