namespace ClosetConnect.AppHost.Hosting.Publishing;

/// <summary>One generated file: a path under the output folder and the object it holds (a typed Kubernetes model or a kustomization).</summary>
public sealed record ManifestFile(string RelativePath, object Content);
