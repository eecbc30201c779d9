using ClosetConnect.Identity.Infrastructure.Email;
using ClosetConnect.Identity.Infrastructure.Encryption;
using ClosetConnect.Identity.Infrastructure.Signing;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ClosetConnect.Identity.Extensions;

public static class IdentityServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);

        builder.AddMySqlDbContext<IdentityDbContext>("identitydb");
        services.AddMigration<IdentityDbContext>();
        builder.AddRedisClient("cache");
        builder.AddEventBus("messaging").AddOutbox<IdentityDbContext>();

        services.AddOptions<FieldEncryptionOptions>().BindConfiguration(FieldEncryptionOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FieldEncryptor>();

        // Tokens: signed with the key ring; Identity validates its own tokens against the ring, not over HTTP.
        services.AddSingleton<SigningKeyRing>();
        services.AddHostedService<SigningKeyBootstrapper>();
        services.AddSingleton<IConfigurationManager<OpenIdConnectConfiguration>, KeyRingConfigurationManager>();
        builder.AddDefaultAuthentication();
        services.AddSingleton<AccessTokenIssuer>();

        services.AddOptions<PasswordHashingOptions>().BindConfiguration(PasswordHashingOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PasswordHasher>();

        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IEmailSender>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<EmailOptions>>().Value.PickupDirectory)
                ? ActivatorUtilities.CreateInstance<SmtpEmailSender>(sp)
                : ActivatorUtilities.CreateInstance<PickupDirectoryEmailSender>(sp));
        services.AddSingleton<AccountMail>();

        return builder;
    }
}
