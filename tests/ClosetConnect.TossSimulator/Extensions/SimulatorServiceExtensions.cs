using ClosetConnect.TossSimulator.Api;
using ClosetConnect.TossSimulator.Checkout;
using ClosetConnect.TossSimulator.Clock;
using ClosetConnect.TossSimulator.Configuration;
using ClosetConnect.TossSimulator.Control;
using ClosetConnect.TossSimulator.Idempotency;
using ClosetConnect.TossSimulator.Payments;
using ClosetConnect.TossSimulator.Webhooks;
using Microsoft.Extensions.Options;

namespace ClosetConnect.TossSimulator.Extensions;

public static class SimulatorServiceExtensions
{
    public static IHostApplicationBuilder AddSimulatorServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SimulatorOptions>()
            .BindConfiguration(SimulatorOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SimulatorOptions>, SimulatorOptionsValidator>();

        builder.Services.AddSingleton(_ => new SimulatorClock(TimeProvider.System));
        builder.Services.AddSingleton<TimeProvider>(services => services.GetRequiredService<SimulatorClock>());

        builder.Services.AddSingleton<PaymentStore>();
        builder.Services.AddSingleton<PaymentProcessor>();
        builder.Services.AddSingleton<PaymentWindow>();
        builder.Services.AddSingleton<IdempotencyStore>();
        builder.Services.AddSingleton<FaultRegistry>();
        builder.Services.AddSingleton<WebhookQueue>();
        builder.Services.AddSingleton<TossResults>();
        builder.Services.AddHostedService<WebhookDispatcher>();
        builder.Services.AddHostedService<ExpirySweeper>();

        builder.Services.ConfigureHttpJsonOptions(json => TossJson.Configure(json.SerializerOptions));
        return builder;
    }

    /// <summary>Trace id on every response; under <c>/v1</c>: auth → rate limit → confirm faults → idempotency → confirm delay → test code.</summary>
    public static WebApplication UseTossApiPipeline(this WebApplication app)
    {
        app.UseMiddleware<TraceIdMiddleware>();
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/v1"), v1 => v1
            .UseMiddleware<TossAuthenticationMiddleware>()
            .UseMiddleware<TestRateLimitMiddleware>()
            .UseMiddleware<ConfirmFaultMiddleware>()
            .UseMiddleware<IdempotencyMiddleware>()
            .UseMiddleware<ConfirmDelayMiddleware>()
            .UseMiddleware<TestCodeMiddleware>());
        return app;
    }
}
