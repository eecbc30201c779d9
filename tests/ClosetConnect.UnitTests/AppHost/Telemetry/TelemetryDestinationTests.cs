using ClosetConnect.AppHost.Hosting;
using ClosetConnect.AppHost.Hosting.Telemetry;
using ClosetConnect.AppHost.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClosetConnect.UnitTests.AppHost.Telemetry;

/// <summary>What services are told about where to export: the receiver, an external collector, or nothing.</summary>
public sealed class TelemetryDestinationTests
{
    [Test]
    public async Task With_the_dashboard_running_services_export_OTLP_over_HTTP_protobuf_to_the_receiver()
    {
        using var state = new TestStateDirectory();
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { StateDirectory = state.Path });
        builder.AddProject("closet-api", new UnlaunchedProject());
        await using var app = builder.Build();

        var environment = app.GetEnvironmentVariables("closet-api");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(environment["OTEL_EXPORTER_OTLP_ENDPOINT"], Is.EqualTo("http://127.0.0.1:18889"));
            Assert.That(environment["OTEL_EXPORTER_OTLP_PROTOCOL"], Is.EqualTo("http/protobuf"));
            Assert.That(environment["OTEL_BSP_SCHEDULE_DELAY"], Is.EqualTo("1000"));
            Assert.That(environment["OTEL_BLRP_SCHEDULE_DELAY"], Is.EqualTo("1000"));
            Assert.That(environment["OTEL_SERVICE_NAME"], Is.EqualTo("closet-api"));
        }
    }

    [Test]
    public async Task An_external_collector_replaces_the_receiver_and_keeps_the_SDK_defaults()
    {
        using var state = new TestStateDirectory();
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            StateDirectory = state.Path,
            Args = ["--AppHost:OtlpEndpoint=http://collector.example:4317"],
        });
        builder.AddProject("closet-api", new UnlaunchedProject());
        await using var app = builder.Build();

        var environment = app.GetEnvironmentVariables("closet-api");
        var destination = app.Services.GetRequiredService<TelemetryDestination>();

        Assert.That(environment["OTEL_EXPORTER_OTLP_ENDPOINT"], Is.EqualTo("http://collector.example:4317"));
        Assert.That(environment.Keys, Has.None.StartsWith("OTEL_EXPORTER_OTLP_PROTOCOL").And.None.StartsWith("OTEL_BSP"));
        Assert.That(destination.ReceiverUrl, Is.Null, "nothing would send to it");
        Assert.That(destination.Note, Does.Contain("collector.example"));
    }

    [Test]
    public async Task Test_mode_keeps_the_receiver_off_unless_a_test_turns_it_on_and_then_uses_a_free_port()
    {
        var quiet = DistributedApplicationTestingBuilder.Create();
        quiet.AddProject("closet-api", new UnlaunchedProject());
        await using var quietApp = await quiet.BuildAsync();
        var loud = DistributedApplicationTestingBuilder.Create("--AppHost:OtlpReceiver:Enabled=true");
        loud.AddProject("closet-api", new UnlaunchedProject());
        await using var loudApp = await loud.BuildAsync();

        var receiverUrl = loudApp.Services.GetRequiredService<IOptions<OtlpReceiverOptions>>().Value.Url;

        Assert.That(quietApp.GetEnvironmentVariables("closet-api").Keys, Has.None.StartsWith("OTEL_EXPORTER_OTLP"));
        Assert.That(loudApp.GetEnvironmentVariables("closet-api")["OTEL_EXPORTER_OTLP_ENDPOINT"], Is.EqualTo(receiverUrl));
        Assert.That(new Uri(receiverUrl).Port, Is.Not.EqualTo(18889));
    }

    [Test]
    public async Task A_bad_receiver_setting_is_refused_naming_its_key()
    {
        var builder = DistributedApplicationTestingBuilder.Create("--AppHost:OtlpReceiver:Enabled=true", "--AppHost:OtlpReceiver:Url=https://127.0.0.1/otlp", "--AppHost:OtlpReceiver:MaxSpansPerService=5");
        await using var app = await builder.BuildAsync();

        // The options are validated at start (ValidateOnStart); reading them shows the same message without starting anything.
        var failure = Assert.Throws<OptionsValidationException>(() => _ = app.Services.GetRequiredService<IOptions<OtlpReceiverOptions>>().Value);

        Assert.That(failure!.Message, Does.Contain("AppHost:OtlpReceiver:Url").And.Contain("AppHost:OtlpReceiver:MaxSpansPerService"));
    }
}
