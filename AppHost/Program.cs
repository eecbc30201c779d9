var builder = DistributedApplication.CreateBuilder(args);

var mariadb = builder.AddMariaDB("mariadb");
var identityDb = mariadb.AddDatabase("identitydb");
var closetDb = mariadb.AddDatabase("closetdb");
var paymentsDb = mariadb.AddDatabase("paymentsdb");
var messaging = builder.AddRabbitMQ("messaging");
var cache = builder.AddRedis("cache");
var blobs = builder.StatePath("blobs");

var identity = builder.AddProject<Projects.Identity_Api>("identity-api")
    .WithReference(identityDb).WaitFor(identityDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(cache).WaitFor(cache)
    .WithEnvironment("Email__PickupDirectory", builder.StatePath("mail"));

var closet = builder.AddProject<Projects.Closet_Api>("closet-api")
    .WithReference(closetDb).WaitFor(closetDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(cache).WaitFor(cache)
    .WithReference(identity)
    .WithEnvironment("Blobs__RootPath", blobs);

var payments = builder.AddProject<Projects.Payments_Api>("payments-api")
    .WithReference(paymentsDb).WaitFor(paymentsDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(cache).WaitFor(cache)
    .WithReference(identity);

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
    .WithEnvironment("Blobs__RootPath", blobs);

builder.AddProject<Projects.Gateway>("gateway")
    .WithHttpEndpoint(port: builder.Configuration.GetValue("AppHost:GatewayPort", 8080))
    .WithReference(identity).WaitFor(identity)
    .WithReference(closet).WaitFor(closet)
    .WithReference(payments).WaitFor(payments)
    .WithReference(vision)
    .WithReference(cache).WaitFor(cache);

builder.Build().Run();
