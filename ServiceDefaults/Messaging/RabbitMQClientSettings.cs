namespace ClosetConnect.ServiceDefaults.Messaging;

public sealed class RabbitMQClientSettings
{
    public string? ConnectionString { get; set; }

    public int MaxConnectRetryCount { get; set; } = 6;

    public bool DisableHealthChecks { get; set; }
}
