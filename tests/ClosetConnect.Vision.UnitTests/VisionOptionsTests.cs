using ClosetConnect.Vision.Analysis;
using Microsoft.Extensions.Options;

namespace ClosetConnect.Vision.UnitTests;

public sealed class VisionOptionsTests
{
    [Test]
    public void Defaults_are_valid() =>
        Assert.That(new VisionOptionsValidator().Validate(null, new VisionOptions()).Succeeded, Is.True);

    [TestCase("MaxBatch", "0", "Vision:MaxBatch")]
    [TestCase("MaxBatchDelayMs", "-1", "Vision:MaxBatchDelayMs")]
    [TestCase("IntraOpThreads", "-2", "Vision:IntraOpThreads")]
    [TestCase("ModelPath", "", "Vision:ModelPath")]
    [TestCase("MaxWorkingDimension", "100", "Vision:MaxWorkingDimension")]
    public async Task Bad_setting_stops_the_worker_at_start_naming_the_key(string key, string value, string expectedKey)
    {
        using var host = VisionFixtures.BuildHost(new() { [$"Vision:{key}"] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.That(error!.Message, Does.Contain(expectedKey));
    }

    [Test]
    public async Task Unknown_execution_provider_stops_the_worker_at_start_naming_the_key()
    {
        using var host = VisionFixtures.BuildHost(new() { ["Vision:ExecutionProvider"] = "Gpu" });

        var error = await Assert.CatchAsync(() => host.StartAsync());
        Assert.That(error!.ToString(), Does.Contain("Vision:ExecutionProvider"));
    }
}
