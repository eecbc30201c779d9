using k8s.Models;

namespace ClosetConnect.AppHost.Hosting.Publishing;

/// <summary>The restricted pod security profile every workload gets: non-root, read-only root, no capabilities, no token.</summary>
internal static class PodHardening
{
    public static V1PodSecurityContext PodSecurity(long userId) => new()
    {
        RunAsNonRoot = true,
        RunAsUser = userId,
        RunAsGroup = userId,
        FsGroup = userId,
        SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
    };

    public static V1SecurityContext ContainerSecurity() => new()
    {
        AllowPrivilegeEscalation = false,
        ReadOnlyRootFilesystem = true,
        RunAsNonRoot = true,
        Capabilities = new V1Capabilities { Drop = ["ALL"] },
    };

    /// <summary>With a read-only root filesystem, /tmp must be a volume.</summary>
    public static V1Volume TempVolume(string sizeLimit = "512Mi") => new()
    {
        Name = "tmp",
        EmptyDir = new V1EmptyDirVolumeSource { SizeLimit = new ResourceQuantity(sizeLimit) },
    };

    public static V1VolumeMount TempMount() => new() { Name = "tmp", MountPath = "/tmp" };

    public static V1ResourceRequirements StandardResources(int gpus = 0)
    {
        var requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("250m"), ["memory"] = new("512Mi") };
        var limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("500m"), ["memory"] = new("1Gi") };
        if (gpus > 0)
        {
            // Extended resources: request and limit must be equal.
            requests["nvidia.com/gpu"] = new(gpus.ToString(System.Globalization.CultureInfo.InvariantCulture));
            limits["nvidia.com/gpu"] = new(gpus.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return new V1ResourceRequirements { Requests = requests, Limits = limits };
    }

    public static V1EnvVar FieldReference(string name, string fieldPath) => new()
    {
        Name = name,
        ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = fieldPath } },
    };

    public static V1EnvVar SecretReference(string name, string? key = null) => new()
    {
        Name = name,
        ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = ClusterConventions.SecretName, Key = key ?? name } },
    };
}
