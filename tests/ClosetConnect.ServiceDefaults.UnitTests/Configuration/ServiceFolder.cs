using System.Text.Json;
using Microsoft.Extensions.Hosting;

namespace ClosetConnect.ServiceDefaults.UnitTests.Configuration;

/// <summary>A service's content root (appsettings files) and a secrets directory in /tmp, for configuration tests.</summary>
internal sealed class ServiceFolder : IDisposable
{
    public ServiceFolder()
    {
        ContentRoot = Directory.CreateTempSubdirectory("service-config-").FullName;
        SecretsDirectory = Directory.CreateDirectory(Path.Combine(ContentRoot, "secrets")).FullName;
    }

    public string ContentRoot { get; }

    public string SecretsDirectory { get; }

    public void WriteJson(string fileName, object values, string? section = null) =>
        File.WriteAllText(Path.Combine(ContentRoot, fileName),
            JsonSerializer.Serialize(section is null ? values : new Dictionary<string, object> { [section] = values }));

    /// <summary>One file per key, as a mounted Kubernetes Secret: <c>Section__Key</c>.</summary>
    public void WriteSecret(string fileName, string value) => File.WriteAllText(Path.Combine(SecretsDirectory, fileName), value);

    public HostApplicationBuilder CreateBuilder(string environment, string? secretsDirectory = null) =>
        Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = environment,
            ContentRootPath = ContentRoot,
            ApplicationName = "ClosetConnect.ConfigurationTests",
            Args = [$"--Secrets:Directory={secretsDirectory ?? SecretsDirectory}"],
        });

    public void Dispose() => Directory.Delete(ContentRoot, recursive: true);
}
