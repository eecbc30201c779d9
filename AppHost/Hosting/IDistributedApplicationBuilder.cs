using ClosetConnect.AppHost.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClosetConnect.AppHost.Hosting;

/// <summary>Declares the resources of a distributed application, as Aspire's builder of the same name does.</summary>
public interface IDistributedApplicationBuilder
{
    ConfigurationManager Configuration { get; }

    IHostEnvironment Environment { get; }

    IServiceCollection Services { get; }

    /// <summary>Run mode (this machine) or publish mode (<c>publish</c>: Kubernetes manifests).</summary>
    DistributedApplicationExecutionContext ExecutionContext { get; }

    IReadOnlyList<IResource> Resources { get; }

    /// <summary>Where servers keep their data, logs, generated secrets; <c>.apphost/</c> at the repository root by default.</summary>
    string StateDirectory { get; }

    IResourceBuilder<T> AddResource<T>(T resource) where T : IResource;

    /// <summary>A folder under the state directory (created), e.g. for blobs or the dev mailbox.</summary>
    string StatePath(string relativePath);

    DistributedApplication Build();
}
