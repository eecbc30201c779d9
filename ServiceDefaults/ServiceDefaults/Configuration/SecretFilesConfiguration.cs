using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.KeyPerFile;
using Microsoft.Extensions.FileProviders;

namespace ClosetConnect.ServiceDefaults.Configuration;

/// <summary>
/// Places the secret files in the configuration order the deployment guide asks for, highest first:
/// environment variables → secret files → <c>appsettings.{Environment}.json</c> → <c>appsettings.json</c>
/// (command-line arguments stay on top, as ASP.NET Core puts them).
/// </summary>
public static class SecretFilesConfiguration
{
    public static void AddSecretFiles(IConfigurationManager configuration)
    {
        var directory = configuration[$"{SecretsOptions.SectionName}:{nameof(SecretsOptions.Directory)}"];
        if (string.IsNullOrWhiteSpace(directory))
        {
            directory = SecretsOptions.DefaultDirectory;
        }

        var source = new KeyPerFileConfigurationSource
        {
            // A missing folder is normal (local runs, environment-variable-only deployments).
            Optional = true,
            FileProvider = System.IO.Directory.Exists(directory) ? new PhysicalFileProvider(directory) : null,
            // Kubernetes projects a Secret as ..data symlinks and dot-folders: skip anything hidden.
            IgnoreCondition = name => name.StartsWith('.'),
        };

        var sources = configuration.Sources;
        // The unprefixed environment variables come after the JSON files; secret files go right before them.
        var environmentVariables = sources
            .Select((s, index) => (Source: s, Index: index))
            .LastOrDefault(x => x.Source is EnvironmentVariablesConfigurationSource { Prefix: null or "" });
        if (environmentVariables.Source is not null)
        {
            sources.Insert(environmentVariables.Index, source);
        }
        else
        {
            sources.Add(source);
        }
    }
}
