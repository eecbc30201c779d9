var builder = DistributedApplication.CreateBuilder(args);

builder.AddRestartPolicy();
builder.AddKubernetesManifests();
builder.AddProxylessEndpointsOption();
builder.AddTraceSamplingOption();

// Three pods of each API in a cluster; one process each on a developer's machine unless AppHost:Replicas says more.
var replicas = builder.ExecutionContext.IsPublishMode ? 3 : builder.Configuration.GetValue("AppHost:Replicas", 1);

var blobs = builder.AddSharedFolder("blobs");
var mariadb = builder.AddMariaDB("mariadb").WithBackups(blobs);
var identityDb = mariadb.AddDatabase("identitydb");
var closetDb = mariadb.AddDatabase("closetdb");
var paymentsDb = mariadb.AddDatabase("paymentsdb");
var messaging = builder.AddRabbitMQ("messaging").WithDeadLetterReplay();
var cache = builder.AddRedis("cache");

var identity = builder.AddProject<Projects.Identity_Api>("identity-api")
    .WithHttpHealthCheck("/health")
    .WithReference(identityDb).WaitFor(identityDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(cache).WaitFor(cache)
    .WithSecretFiles("identity-api-field-encryption")
    .WithSecret("Email__SmtpPassword").WithExternalEgress(587)
    .WithReplicas(replicas);

if (builder.ExecutionContext.IsRunMode)
{
    // The dev mailbox: one .eml file per message, and a dashboard view of the newest. Clusters send through SMTP.
    identity.WithDevMailbox(builder.StatePath("mail"));
}

var closet = builder.AddProject<Projects.Closet_Api>("closet-api")
    .WithHttpHealthCheck("/health")
    // A fixed port when asked (the HTTP benchmark calls Closet directly); else its launch profile's.
    .WithEndpoint("http", endpoint => endpoint.Port = builder.Configuration.GetValue<int?>("AppHost:ClosetApiPort") ?? endpoint.Port)
    .WithReference(closetDb).WaitFor(closetDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(cache).WaitFor(cache)
    .WithReference(identity)
    .WithEnvironment("Blobs__RootPath", blobs)
    .WithReplicas(replicas);

var payments = builder.AddProject<Projects.Payments_Api>("payments-api")
    .WithHttpHealthCheck("/health")
    .WithReference(paymentsDb).WaitFor(paymentsDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(identity)
    .WithReference(closet).WaitFor(closet)
    .WithSecret("Toss__SecretKey").WithExternalEgress(443)
    .WithReplicas(replicas);

// Toss Payments' documented API and payment window, simulated: Payments talks to it with its test key, and Toss's
// webhooks come back through the gateway. Clusters talk to the real Toss.
IResourceBuilder<ProjectResource>? toss = null;
if (builder.ExecutionContext.IsRunMode)
{
    toss = builder.AddProject<Projects.ClosetConnect_TossSimulator>("toss-simulator")
        .WithHttpHealthCheck("/health")
        .WithEndpoint("http", endpoint => endpoint.Port = builder.Configuration.GetValue("AppHost:TossSimulatorPort", 8090))
        .WithEnvironment("Simulator__WebhookRetryMinute", "00:00:01");
    var tossUrl = toss.GetEndpoint("http");
    toss.WithUrl($"{tossUrl}/checkout/result", "Payment results");
    payments.WaitFor(toss)
        .WithEnvironment("Toss__BaseAddress", tossUrl)
        .WithEnvironment("Toss__WindowUrl", $"{tossUrl}/checkout")
        .WithEnvironment("Orders__DefaultSuccessUrl", $"{tossUrl}/checkout/result")
        .WithEnvironment("Orders__DefaultFailUrl", $"{tossUrl}/checkout/result");
}

// The GDPR data export asks Closet and Payments over internal HTTP (they reference Identity too, for its JWKS:
// references only hand out addresses, so the circle is fine; WaitFor is not used in that direction).
identity.WithReference(closet).WithReference(payments);
// The first admin: the account with this email becomes admin once its owner verifies it (Identity's Accounts options).
if (builder.Configuration["AppHost:BootstrapAdminEmail"] is { Length: > 0 } bootstrapAdminEmail)
{
    identity.WithEnvironment("Accounts__BootstrapAdminEmail", bootstrapAdminEmail);
}

var vision = builder.AddProject<Projects.Vision_Worker>("vision-worker")
    .WithHttpHealthCheck("/health")
    .WithReference(messaging).WaitFor(messaging)
    .WithEnvironment("Blobs__RootPath", blobs)
    .WithGpu();

var gateway = builder.AddProject<Projects.Gateway>("gateway")
    .WithHttpHealthCheck("/health")
    .WithEndpoint("http", endpoint => endpoint.Port = builder.Configuration.GetValue("AppHost:GatewayPort", 8080))
    .WithExternalHttpEndpoints()
    .WithReference(identity).WaitFor(identity)
    .WithReference(closet).WaitFor(closet)
    .WithReference(payments).WaitFor(payments)
    .WithReference(vision)
    .WithReference(cache).WaitFor(cache)
    .WithReplicas(replicas);
gateway.WithUrl($"{gateway.GetEndpoint("http")}/docs", "API docs");
toss?.WithEnvironment("Simulator__WebhookUrl", $"{gateway.GetEndpoint("http")}/api/v1/payments/webhooks/toss");

builder.Build().Run();
