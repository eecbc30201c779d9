using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ClosetConnect.ServiceDefaults.Configuration;

/// <summary>
/// Outside Development, refuses to start when a required secret is missing, an example placeholder, or the value
/// committed in <c>appsettings.Development.json</c>; every message names the key. Development runs on the defaults.
/// </summary>
internal sealed class RequiredSecretsValidator(IConfiguration configuration, IHostEnvironment environment) : IValidateOptions<SecretsOptions>
{
    private const string AnyChild = ":*";

    public ValidateOptionsResult Validate(string? name, SecretsOptions options)
    {
        if (environment.IsDevelopment())
        {
            return ValidateOptionsResult.Success;
        }

        var developmentDefaults = DevelopmentDefaults();
        var problems = new List<string>();
        foreach (var required in options.Required.Distinct(StringComparer.OrdinalIgnoreCase))
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
