using ClosetConnect.AppHost.Hosting.MariaDb;

namespace ClosetConnect.AppHost.Tests.Model;

/// <summary>AppHost/Program.cs as a model (built, never started): what it declares for this machine and for a cluster.</summary>
public sealed class AppModelTests
{
    private static readonly string[] Apis = ["identity-api", "closet-api", "payments-api", "gateway"];

    [Test]
    public async Task A_developer_machine_runs_one_process_per_api_unless_asked_for_more()
    {
        await using var single = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>();
        await using var triple = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(["--AppHost:Replicas=3"]);

        Assert.That(Apis.Select(api => Replicas(single, api)), Has.All.EqualTo(1));
        Assert.That(Apis.Select(api => Replicas(triple, api)), Has.All.EqualTo(3));
    }

    [Test]
    public async Task Every_service_database_has_its_own_user_on_one_server()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>();

        var server = builder.Resources.OfType<MariaDbServerResource>().Single();
        Assert.That(server.Databases.Select(d => d.UserName), Is.EqualTo(new[] { "identitydb_user", "closetdb_user", "paymentsdb_user" }));
    }

    private static int Replicas(IDistributedApplicationTestingBuilder builder, string name) =>
        builder.Resources.Single(r => r.Name == name).Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1;
}
