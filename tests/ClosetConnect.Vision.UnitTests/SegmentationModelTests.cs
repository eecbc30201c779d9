using ClosetConnect.Vision.Analysis;
using ClosetConnect.Vision.Inference;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClosetConnect.Vision.UnitTests;

/// <summary>What the worker reports when the model cannot run: a state (and health) that names the path or setting at fault.</summary>
public sealed class SegmentationModelTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("vision-model-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task Missing_model_file_fails_the_model_naming_the_path()
    {
        var path = Path.Combine(_folder, "nowhere.onnx");
        using var host = VisionFixtures.BuildHost(new() { ["Vision:ModelPath"] = path });

        var state = VisionFixtures.LoadModel(host).State;

        Assert.That(state.Status, Is.EqualTo(ModelStatus.Failed));
        Assert.That(state.Error, Does.Contain(path).And.Contain("does not exist"));
        await AssertUnhealthyAsync(host, path);
    }

    [Test]
    public async Task Invalid_model_file_fails_the_model_naming_the_path()
    {
        var path = Path.Combine(_folder, "broken.onnx");
        await File.WriteAllTextAsync(path, "this is not an ONNX model");
        using var host = VisionFixtures.BuildHost(new() { ["Vision:ModelPath"] = path });

        var state = VisionFixtures.LoadModel(host).State;

        Assert.That(state.Status, Is.EqualTo(ModelStatus.Failed));
        Assert.That(state.Error, Does.Contain(path).And.Contain("could not be loaded"));
        await AssertUnhealthyAsync(host, path);
    }

    [Test]
    public async Task Analysis_with_an_unusable_model_says_why_instead_of_blaming_the_photo()
    {
        var path = Path.Combine(_folder, "nowhere.onnx");
        using var host = VisionFixtures.BuildHost(new() { ["Vision:ModelPath"] = path });
        VisionFixtures.LoadModel(host);
        var analyzer = host.Services.GetRequiredService<IGarmentAnalyzer>();

        var error = await Assert.ThrowsAsync<ModelUnavailableException>(() =>
            analyzer.AnalyzeAsync(VisionFixtures.ReadImage(VisionFixtures.Manifest.Fixtures[0]), CancellationToken.None));
        Assert.That(error!.Message, Does.Contain(path));
    }

    [Test]
    public void Cuda_required_on_a_build_without_it_makes_the_model_unusable_with_the_reason()
    {
        using var host = VisionFixtures.BuildHost(new() { ["Vision:ExecutionProvider"] = "Cuda" });

        var state = VisionFixtures.LoadModel(host).State;

        TestContext.Out.WriteLine(state.Error);
        Assert.That(state.Status, Is.EqualTo(ModelStatus.Failed));
        Assert.That(state.Error, Does.Contain("Vision:ExecutionProvider is Cuda").And.Contain("CUDA"));
    }

    [Test]
    public async Task Auto_falls_back_to_the_cpu_and_the_model_is_healthy()
    {
        using var host = VisionFixtures.BuildHost(new() { ["Vision:ExecutionProvider"] = "Auto" });

        var state = VisionFixtures.LoadModel(host).State;

        Assert.That(state.Status, Is.EqualTo(ModelStatus.Loaded), state.Error);
        Assert.That(state.ExecutionProvider, Is.EqualTo("CPU"));
        Assert.That(state.ModelVersion, Does.Match("^clothes-segformer-b0@[0-9a-f]{12}$"));
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.That(report.Entries[GarmentAnalysisExtensionsName].Status, Is.EqualTo(HealthStatus.Healthy));
    }

    [Test]
    public void Model_reports_loading_until_it_is_loaded()
    {
        using var host = VisionFixtures.BuildHost();

        var state = host.Services.GetRequiredService<SegmentationModel>().State;

        Assert.That(state.Status, Is.EqualTo(ModelStatus.Loading));
        Assert.That(state.ModelPath, Does.EndWith(Path.Combine("Models", "clothes-segformer-b0.onnx")));
    }

    private const string GarmentAnalysisExtensionsName = Microsoft.Extensions.Hosting.GarmentAnalysisExtensions.ModelHealthCheckName;

    private static async Task AssertUnhealthyAsync(Microsoft.Extensions.Hosting.IHost host, string path)
    {
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        var entry = report.Entries[GarmentAnalysisExtensionsName];
        Assert.That(entry.Status, Is.EqualTo(HealthStatus.Unhealthy));
        Assert.That(entry.Description, Does.Contain(path));
    }
}
