using System.Globalization;

namespace ClosetConnect.AppHost.Hosting;

public static class TraceSamplingExtensions
{
    public const string SettingKey = "AppHost:TraceSampleRatio";

    /// <summary>
    /// <c>AppHost:TraceSampleRatio=0.01</c>: the projects sample that share of traces (OpenTelemetry's
    /// <c>parentbased_traceidratio</c>, so a trace is kept or dropped whole) instead of Aspire's every-trace default for
    /// a developer's machine. Under load the dashboard's ingestion of every span costs more CPU than the services do;
    /// the HTTP benchmark samples so that it measures the services.
    /// </summary>
    public static IDistributedApplicationBuilder AddTraceSamplingOption(this IDistributedApplicationBuilder builder)
    {
        if (!builder.ExecutionContext.IsRunMode || builder.Configuration[SettingKey] is not { Length: > 0 } setting)
        {
            return builder;
        }

        if (!double.TryParse(setting, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio) || ratio is < 0 or > 1)
        {
            throw new InvalidOperationException($"{SettingKey} is a share of traces from 0 to 1, such as 0.01; '{setting}' is not.");
        }

        // Added at start, after Aspire's own OTEL_* variables, so these win.
        builder.Eventing.Subscribe<BeforeStartEvent>((start, _) =>
        {
            foreach (var project in start.Model.Resources.OfType<ProjectResource>())
            {
                project.Annotations.Add(new EnvironmentCallbackAnnotation(environment =>
                {
                    environment["OTEL_TRACES_SAMPLER"] = "parentbased_traceidratio";
                    environment["OTEL_TRACES_SAMPLER_ARG"] = ratio.ToString(CultureInfo.InvariantCulture);
                }));
            }

            return Task.CompletedTask;
        });
        return builder;
    }
}
