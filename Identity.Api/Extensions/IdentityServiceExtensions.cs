using ClosetConnect.Identity.Apis;
using ClosetConnect.Identity.Application.Accounts;
using ClosetConnect.Identity.Application.Audit;
using ClosetConnect.Identity.Application.Gdpr;
using ClosetConnect.Identity.Application.Keys;
using ClosetConnect.Identity.Application.Security;
using ClosetConnect.Identity.Infrastructure.Email;
using ClosetConnect.Identity.Infrastructure.Encryption;
using ClosetConnect.Identity.Infrastructure.Export;
using ClosetConnect.Identity.Infrastructure.Security;
using ClosetConnect.Identity.Infrastructure.Signing;
using ClosetConnect.ServiceDefaults.Networking;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ClosetConnect.Identity.Extensions;

public static class IdentityServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        // Audit events record the client's address, which the gateway forwards.
        builder.AddTrustedForwardedHeaders();

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
        services.AddAuthorizationBuilder().AddPolicy(AdminApi.AdminPolicy, policy => policy.RequireRole(Roles.Admin));
        services.AddSingleton<AccessTokenIssuer>();
        services.AddScoped<KeyRotation>();

        services.AddOptions<PasswordHashingOptions>().BindConfiguration(PasswordHashingOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PasswordHasher>();

        services.AddOptions<LoginProtectionOptions>().BindConfiguration(LoginProtectionOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MailRateLimitOptions>().BindConfiguration(MailRateLimitOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<AccountMailLimiter>();

        services.AddScoped<AuditLog>();

        services.AddOptions<AccountsOptions>().BindConfiguration(AccountsOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<BootstrapAdmin>();
        services.AddHostedService<BootstrapAdminStartup>();

        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<AccountEraser>();
        services.AddScoped<InactiveAccountSweeper>();
        services.AddScoped<PersonalDataReEncryptor>();
        services.AddHostedService<AccountMaintenanceJob>();

        // GDPR export: the other services' internal endpoints, by service discovery, with the default resilience handler.
        services.AddHttpClient(ServiceDataClient.ClosetService, http => http.BaseAddress = new Uri($"http://{ServiceDataClient.ClosetService}"));
        services.AddHttpClient(ServiceDataClient.PaymentsService, http => http.BaseAddress = new Uri($"http://{ServiceDataClient.PaymentsService}"));
        services.AddSingleton<ServiceDataClient>();
        services.AddScoped<DataExport>();

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
