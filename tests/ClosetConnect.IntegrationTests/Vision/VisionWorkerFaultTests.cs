using System.Net;
using System.Text;
using System.Text.Json;
using ClosetConnect.Contracts.Events;
using ClosetConnect.EventBus;
using RabbitMQ.Client;

namespace ClosetConnect.IntegrationTests.Vision;

/// <summary>
/// The real Vision.Worker process with RabbitMQ, through the app model: without a usable model it is unhealthy and
/// leaves photos in its queue; once the model file appears it analyses them; a message that keeps failing ends in
/// its dead-letter queue. A second worker of its own, on the running system's broker with an exchange and queue of
/// its own, so the system's worker never sees these photos (and no second broker has to start).
/// </summary>
[NonParallelizable]
[CancelAfter(180_000)]
public sealed class VisionWorkerFaultTests
{
    private const string Exchange = "vision-faults.events";
    private const string QueuePrefix = "vision-faults.";
    private const string Queue = QueuePrefix + "vision-worker";
    private readonly TemporaryState state = new();
    private DistributedApplication app = null!;
    private string modelPath = null!;
    private string blobs = null!;
    private IConnection broker = null!;
    private IChannel channel = null!;
    private string results = null!;

    [OneTimeSetUp]
    public async Task StartWorkerWithoutItsModelAsync()
    {
        modelPath = Path.Combine(state.Path, "models", "segmenter.onnx");
        blobs = Path.Combine(state.Path, "blobs");

        var shared = await SharedAppHost.GetAsync(CancellationToken.None);
        var sharedBroker = await shared.GetConnectionStringAsync("messaging");
        // A configured connection string replaces the local server (AddRabbitMQ's external mode).
        var builder = DistributedApplicationTestingBuilder.Create(state.Argument, $"--ConnectionStrings:messaging={sharedBroker}");
        var messaging = builder.AddRabbitMQ("messaging");
        builder.AddProject<Projects.Vision_Worker>("vision-worker")
            .WithReference(messaging).WaitFor(messaging)
            .WithEnvironment("Blobs__RootPath", blobs)
            .WithEnvironment("Vision__ModelPath", modelPath)
            .WithEnvironment("Vision__ModelRetryInterval", "00:00:01")
            .WithEnvironment("EventBus__MaxAttempts", "3")
            .WithEnvironment("EventBus__RedeliveryDelays__0", "00:00:00.050")
            .WithEnvironment("EventBus__ExchangeName", Exchange)
            .WithEnvironment("EventBus__DeadLetterExchangeName", $"{Exchange}.dead-letter")
            .WithEnvironment("EventBus__QueuePrefix", QueuePrefix);
        app = await builder.BuildAsync();
        await app.StartAsync();
        await app.ResourceNotifications.WaitForResourceAsync("vision-worker", KnownResourceStates.Running);

        broker = await new ConnectionFactory { Uri = new Uri((await app.GetConnectionStringAsync("messaging"))!) }.CreateConnectionAsync();
        channel = await broker.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Topic, durable: true);
        results = (await channel.QueueDeclareAsync(exclusive: true)).QueueName;
        await channel.QueueBindAsync(results, Exchange, "vision.item-analyzed");
        await channel.QueueBindAsync(results, Exchange, "vision.item-analysis-failed");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        // The worker declared the whole catalogue's queues under its prefix; they must not outlive the test.
        foreach (var consumer in new[] { "vision-worker", "closet-api", "payments-api" })
        {
            await channel.QueueDeleteAsync($"{QueuePrefix}{consumer}");
            await channel.QueueDeleteAsync($"{QueuePrefix}{consumer}.dead-letter");
        }

        await channel.QueueDeleteAsync($"{Queue}.redelivery.50ms");
        await channel.ExchangeDeleteAsync(Exchange);
        await channel.ExchangeDeleteAsync($"{Exchange}.dead-letter");
        await channel.DisposeAsync();
        await broker.DisposeAsync();
        await app.DisposeAsync();
        state.Dispose();
    }

    [Test]
    public async Task Photos_wait_in_the_queue_until_the_model_appears_and_poison_ends_dead_lettered(CancellationToken cancellationToken)
    {
        using var client = app.CreateHttpClient("vision-worker");
        Assert.That(await HealthWhenListeningAsync(client, cancellationToken), Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(string.Join('\n', await app.ConsoleLogsAsync(app.Resource<IResource>("vision-worker"))), Does.Contain(modelPath), "the log names the missing file");

        await WaitForQueueAsync(cancellationToken);
        var lookedBefore = await ModelLookupsAsync();
        var uploaded = await UploadAsync("photo-05.png", cancellationToken);
        // Positive evidence first: with the photo queued, the worker looked for its model again (and would have
        // taken the photo had it found one), so "nothing analysed" below cannot pass merely because it was not yet due.
        await Eventually.UntilAsync("the worker looking for its missing model again after the photo was queued",
            ModelLookupsAsync, looked => looked > lookedBefore, cancellationToken);
        Assert.That(await channel.MessageCountAsync(Queue, cancellationToken), Is.EqualTo(1u), "the photo waits in the queue, not taken");
        Assert.That(await channel.BasicGetAsync(results, autoAck: true, cancellationToken), Is.Null, "nothing analysed, nothing failed");

        Directory.CreateDirectory(Path.GetDirectoryName(modelPath)!);
        File.Copy(Path.Combine(RepositoryPaths.Root, "Vision.Worker", "Models", "clothes-segformer-b0.onnx"), modelPath);

        var result = await NextResultAsync(cancellationToken);
        Assert.That(result.RoutingKey, Is.EqualTo("vision.item-analyzed"));
        var analyzed = JsonSerializer.Deserialize<ItemAnalyzedEvent>(result.Body.Span, EventSerializer.Options)!;
        Assert.Multiple(() =>
        {
            Assert.That(analyzed.ItemId, Is.EqualTo(uploaded.ItemId));
            Assert.That(analyzed.Category, Is.EqualTo("dress"));
            Assert.That(analyzed.Id, Is.EqualTo(IntegrationEvent.IdCausedBy(uploaded.Id, "vision.item-analyzed")));
            Assert.That(File.Exists(Path.Combine(blobs, analyzed.CutoutKey!)), Is.True);
        });
        await app.WaitUntilHealthyAsync("vision-worker", cancellationToken);

        // A photo that cannot be decoded is reported failed with the reason, not retried.
        var corrupt = await UploadAsync(bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[256]], cancellationToken);
        var failure = await NextResultAsync(cancellationToken);
        Assert.That(failure.RoutingKey, Is.EqualTo("vision.item-analysis-failed"));
        var failed = JsonSerializer.Deserialize<ItemAnalysisFailedEvent>(failure.Body.Span, EventSerializer.Options)!;
        Assert.That(failed.ItemId, Is.EqualTo(corrupt.ItemId));
        Assert.That(failed.Reason, Is.Not.Empty);

        // A message that keeps failing (a blob key that escapes the store) is retried, then dead-lettered.
        var poison = new ItemImageUploadedEvent(Guid.NewGuid(), Guid.NewGuid(), "../../etc/passwd", "image/png") { OccurredAt = DateTimeOffset.UtcNow };
        await PublishAsync(poison, cancellationToken);

        var deadLetter = await Eventually.GetAsync($"the poison photo in {Queue}.dead-letter",
            () => channel.BasicGetAsync($"{Queue}.dead-letter", autoAck: true, cancellationToken), cancellationToken);
        Assert.That(deadLetter.BasicProperties.MessageId, Is.EqualTo(poison.Id.ToString()));
        Assert.That(await channel.BasicGetAsync(results, autoAck: true, cancellationToken), Is.Null, "no result for the poison photo");
    }

    private static async Task<HttpStatusCode> HealthWhenListeningAsync(HttpClient client, CancellationToken cancellationToken) =>
        await Eventually.UntilAsync("the worker answering /health", async () =>
        {
            using var health = await client.GetAsync("/health", cancellationToken);
            return health.StatusCode;
        }, _ => true, cancellationToken,
        // The process runs but does not listen yet, or is still too busy starting to answer.
        retryOn: ex => ex is HttpRequestException or Polly.Timeout.TimeoutRejectedException);

    /// <summary>The worker declares its queue once it reaches RabbitMQ; a message sent before then has nowhere to go.</summary>
    private Task WaitForQueueAsync(CancellationToken cancellationToken) =>
        Eventually.UntilAsync($"the worker declaring {Queue}", async () =>
        {
            await using var probe = await broker.CreateChannelAsync(cancellationToken: cancellationToken);
            return await probe.QueueDeclarePassiveAsync(Queue, cancellationToken);
        }, _ => true, cancellationToken, retryOn: ex => ex is RabbitMQ.Client.Exceptions.OperationInterruptedException);

    /// <summary>How often the worker has tried to load its model and logged that it could not (once per retry interval).</summary>
    private async Task<int> ModelLookupsAsync() =>
        (await app.ConsoleLogsAsync(app.Resource<IResource>("vision-worker"))).Count(line => line.Contains("Vision model unavailable", StringComparison.Ordinal));

    private Task<ItemImageUploadedEvent> UploadAsync(string fixture, CancellationToken cancellationToken) =>
        UploadAsync(File.ReadAllBytes(RepositoryPaths.VisionFixture($"images/{fixture}")), cancellationToken);

    private async Task<ItemImageUploadedEvent> UploadAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        var userId = Guid.NewGuid();
        var itemId = Guid.NewGuid();
        var key = $"items/{userId:N}/{itemId:N}/original.png";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(blobs, key))!);
        await File.WriteAllBytesAsync(Path.Combine(blobs, key), bytes, cancellationToken);
        var uploaded = new ItemImageUploadedEvent(itemId, userId, key, "image/png") { OccurredAt = DateTimeOffset.UtcNow };
        await PublishAsync(uploaded, cancellationToken);
        return uploaded;
    }

    private async Task PublishAsync(ItemImageUploadedEvent uploaded, CancellationToken cancellationToken)
    {
        var properties = new BasicProperties { MessageId = uploaded.Id.ToString(), ContentType = "application/json", DeliveryMode = DeliveryModes.Persistent };
        await channel.BasicPublishAsync(Exchange, "closet.item-image-uploaded", mandatory: false, properties,
            Encoding.UTF8.GetBytes(JsonSerializer.Serialize(uploaded, EventSerializer.Options)), cancellationToken);
    }

    private Task<BasicGetResult> NextResultAsync(CancellationToken cancellationToken) =>
        Eventually.GetAsync("an analysis result (analysed or failed)", () => channel.BasicGetAsync(results, autoAck: true, cancellationToken), cancellationToken);
}
