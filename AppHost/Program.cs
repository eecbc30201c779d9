var builder = DistributedApplication.CreateBuilder(args);

var mariadb = builder.AddMariaDB("mariadb");
var identityDb = mariadb.AddDatabase("identitydb");
var closetDb = mariadb.AddDatabase("closetdb");
var paymentsDb = mariadb.AddDatabase("paymentsdb");
var messaging = builder.AddRabbitMQ("messaging");
var cache = builder.AddRedis("cache");
var blobs = builder.AddSharedFolder("blobs");

var identity = builder.AddProject<Projects.Identity_Api>("identity-api")
    .WithReference(identityDb).WaitFor(identityDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(cache).WaitFor(cache)
    .WithSecretFiles("identity-api-field-encryption")
    .WithSecret("Email__SmtpPassword").WithExternalEgress(587)
    .WithReplicas(3);

if (builder.ExecutionContext.IsRunMode)
{
    // The dev mailbox: one .eml file per message. Clusters send through SMTP.
    identity.WithEnvironment("Email__PickupDirectory", builder.StatePath("mail"));
}

var closet = builder.AddProject<Projects.Closet_Api>("closet-api")
    .WithReference(closetDb).WaitFor(closetDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(cache).WaitFor(cache)
    .WithReference(identity)
    .WithEnvironment("Blobs__RootPath", blobs)
    .WithReplicas(3);

var payments = builder.AddProject<Projects.Payments_Api>("payments-api")
    .WithReference(paymentsDb).WaitFor(paymentsDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(cache).WaitFor(cache)
    .WithReference(identity)
    .WithSecret("Toss__SecretKey").WithExternalEgress(443)
    .WithReplicas(3);

// The GDPR data export asks Closet and Payments over internal HTTP (they reference Identity too, for its JWKS:
// references only hand out addresses, so the circle is fine; WaitFor is not used in that direction).
identity.WithReference(closet).WithReference(payments);
// The first admin: the account with this email becomes admin once its owner verifies it (Identity's Accounts options).
if (builder.Configuration["AppHost:BootstrapAdminEmail"] is { Length: > 0 } bootstrapAdminEmail)
{
    identity.WithEnvironment("Accounts__BootstrapAdminEmail", bootstrapAdminEmail);
}

var vision = builder.AddProject<Projects.Vision_Worker>("vision-worker")
    .WithReference(messaging).WaitFor(messaging)
    .WithEnvironment("Blobs__RootPath", blobs)
    .WithGpu();

builder.AddProject<Projects.Gateway>("gateway")
    .WithHttpEndpoint(port: builder.Configuration.GetValue("AppHost:GatewayPort", 8080))
    .WithExternalHttpEndpoints()
    .WithReference(identity).WaitFor(identity)
    .WithReference(closet).WaitFor(closet)
    .WithReference(payments).WaitFor(payments)
    .WithReference(vision)
    .WithReference(cache).WaitFor(cache)
    .WithReplicas(3);

builder.Build().Run();
