using ClosetConnect.ServiceDefaults.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class EnvironmentConfigurationExtensions
{
    /// <summary>
    /// Secret files between appsettings and environment variables (see <see cref="SecretFilesConfiguration"/>), and a
    /// start-up check that every required secret is set and is not a development default outside Development.
    /// </summary>
    public static TBuilder AddEnvironmentConfiguration<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        SecretFilesConfiguration.AddSecretFiles(builder.Configuration);
        builder.Services.AddOptions<SecretsOptions>().BindConfiguration(SecretsOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SecretsOptions>, RequiredSecretsValidator>();
        return builder;
    }

    /// <summary>Declares a configuration key (e.g. <c>ConnectionStrings:closetdb</c>) as a secret this service needs outside Development.</summary>
    public static IServiceCollection RequireSecret(this IServiceCollection services, string key) =>
        services.Configure<SecretsOptions>(options => options.Required.Add(key));
}
