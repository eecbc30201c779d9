namespace ClosetConnect.AppHost.Hosting.ApplicationModel;

/// <summary>
/// A RabbitMQ broker with a private node, data directory, Erlang distribution port and epmd port, and a
/// non-guest user with a generated password.
/// </summary>
public sealed class RabbitMQServerResource(string name) : Resource(name), IResourceWithConnectionString, IResourceWithEndpoints
{
    public override string ResourceType => "RabbitMQ";

    public EndpointAnnotation PrimaryEndpoint { get; } = new("tcp", "amqp");

    /// <summary>Erlang distribution (rabbitmqctl talks to the node through it).</summary>
    public EndpointAnnotation DistributionEndpoint { get; } = new("dist", "tcp");

    /// <summary>A private epmd, so this broker never meets the node of another run.</summary>
    public EndpointAnnotation EpmdEndpoint { get; } = new("epmd", "tcp");

    public IReadOnlyList<EndpointAnnotation> Endpoints => [PrimaryEndpoint, DistributionEndpoint, EpmdEndpoint];

    public string UserName { get; } = name;

    public ParameterResource Password { get; } = new($"{name}-password");

    public string GetConnectionString() =>
        $"amqp://{Uri.EscapeDataString(UserName)}:{Uri.EscapeDataString(Password.RequiredValue)}@{EndpointAnnotation.Host}:{PrimaryEndpoint.RequiredPort}/";
}
