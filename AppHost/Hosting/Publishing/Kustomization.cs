namespace ClosetConnect.AppHost.Hosting.Publishing;

/// <summary>A kustomization.yaml (kustomize has no typed model in KubernetesClient); nulls are left out of the file.</summary>
internal sealed record Kustomization
{
    public required string ApiVersion { get; init; }

    public required string Kind { get; init; }

    public string? Namespace { get; init; }

    public IReadOnlyList<string>? Resources { get; init; }

    public IReadOnlyList<string>? Components { get; init; }

    public IReadOnlyList<KustomizeImage>? Images { get; init; }

    public IReadOnlyList<KustomizePatch>? Patches { get; init; }

    public static Kustomization Overlay() => new() { ApiVersion = "kustomize.config.k8s.io/v1beta1", Kind = "Kustomization" };

    /// <summary>A reusable piece that overlays opt into (the in-cluster servers).</summary>
    public static Kustomization Component() => new() { ApiVersion = "kustomize.config.k8s.io/v1alpha1", Kind = "Component" };
}

internal sealed record KustomizeImage(string Name, string NewName, string NewTag);

internal sealed record KustomizePatch(string Path);
