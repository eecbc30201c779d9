namespace ClosetConnect.AppHost.Hosting.Deployment;

/// <summary>Runs on a GPU node with this many NVIDIA GPUs (publish); locally the worker uses CUDA when it loads.</summary>
public sealed record GpuAnnotation(int Count) : IResourceAnnotation;

/// <summary>An environment variable that comes from the cluster's Secret (<c>secretKeyRef</c>), never from a ConfigMap.</summary>
public sealed record SecretEnvironmentAnnotation(string Variable) : IResourceAnnotation;

/// <summary>A Secret mounted as key-per-file configuration at <c>/run/secrets</c>, for key rings whose key names change.</summary>
public sealed record SecretFilesAnnotation(string SecretName) : IResourceAnnotation;

/// <summary>A port the project calls outside the cluster (SMTP, a payment provider); everything else is denied by network policy.</summary>
public sealed record ExternalEgressAnnotation(int Port) : IResourceAnnotation;
