using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ClosetConnect.ServiceDefaults.Configuration;

/// <summary>
/// Outside Development, refuses to start when a required secret is missing, an example placeholder, or the value
/// committed in <c>appsettings.Development.json</c>; every message names the key. Every configured connection string
/// counts as a secret (it holds a server password). Development runs on the defaults.
/// </summary>
internal sealed class RequiredSecretsValidator(IConfiguration configuration, IHostEnvironment environment) : IValidateOptions<SecretsOptions>
{
    private const string AnyChild = ":*";
    private const string ConnectionStringsSection = "ConnectionStrings";

    public ValidateOptionsResult Validate(string? name, SecretsOptions options)
    {
        if (environment.IsDevelopment())
        {
            return ValidateOptionsResult.Success;
        }

        var developmentDefaults = DevelopmentDefaults();
        var problems = new List<string>();
        var connectionStrings = configuration.GetSection(ConnectionStringsSection).GetChildren().Where(c => c.Value is not null).Select(c => c.Path);
        foreach (var required in options.Required.Concat(connectionStrings).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (required.EndsWith(AnyChild, StringComparison.Ordinal))
            {
                var section = required[..^AnyChild.Length];
                var children = configuration.GetSection(section).GetChildren().Where(c => c.Value is not null).ToList();
                if (children.Count == 0)
                {
                    problems.Add($"Secret '{section}' is missing: set at least one {SecretValueRules.EnvironmentName(section)}__{{id}}.");
                }
                problems.AddRange(children
                    .Select(c => SecretValueRules.Problem(c.Path, c.Value, developmentDefaults[c.Path]))
                    .OfType<string>());
                continue;
            }
            if (SecretValueRules.Problem(required, configuration[required], developmentDefaults[required]) is { } problem)
            {
                problems.Add(problem);
            }
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>appsettings.Development.json as committed, whatever environment this is, to recognise its values.</summary>
    private IConfiguration DevelopmentDefaults() =>
        new ConfigurationBuilder()
            .SetFileProvider(environment.ContentRootFileProvider)
            .AddJsonFile($"appsettings.{Environments.Development}.json", optional: true, reloadOnChange: false)
            .Build();
}
