using ClosetConnect.Vision.Analysis;
using ClosetConnect.Vision.Imaging;
using ClosetConnect.Vision.Inference;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class GarmentAnalysisExtensions
{
    /// <summary>Name of the readiness check that reports whether the segmentation model runs.</summary>
    public const string ModelHealthCheckName = "vision-model";

    /// <summary>
    /// Registers the garment analysis: <see cref="IGarmentAnalyzer"/>, its options (section <c>Vision</c>, validated
    /// at start), the model loaded in the background with retries, and a readiness health check on the model.
    /// </summary>
    public static TBuilder AddGarmentAnalysis<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var services = builder.Services;
        services.AddOptions<VisionOptions>().BindConfiguration(VisionOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VisionOptions>, VisionOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<OnnxSessionFactory>();
        services.TryAddSingleton<SegmentationModel>();
        services.TryAddSingleton<ISegmentationInference>(provider => provider.GetRequiredService<SegmentationModel>());
        services.TryAddSingleton<InferenceBatcher>();
        services.TryAddSingleton<PhotoDecoder>();
        services.TryAddSingleton<IGarmentAnalyzer, GarmentAnalyzer>();
        services.AddHostedService<SegmentationModelLoader>();

        services.AddHealthChecks().AddCheck<SegmentationModelHealthCheck>(ModelHealthCheckName);
        return builder;
    }
}
