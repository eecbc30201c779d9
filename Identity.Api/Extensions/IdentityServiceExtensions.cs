using ClosetConnect.Identity.Accounts;
using ClosetConnect.Identity.Audit;
using ClosetConnect.Identity.Gdpr;
using ClosetConnect.Identity.Infrastructure.Email;
using ClosetConnect.Identity.Infrastructure.Http;
using ClosetConnect.Identity.Infrastructure.Redis;
using ClosetConnect.Identity.Keys;
using ClosetConnect.Identity.Login;
using ClosetConnect.Identity.Mail;
using ClosetConnect.Identity.PasswordReset;
using ClosetConnect.Identity.Passwords;
using ClosetConnect.Identity.PersonalData;
using ClosetConnect.Identity.Registration;
using ClosetConnect.Identity.Tokens;
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

        builder.AddMySqlDbContext<IdentityDbContext>("identitydb");
        services.AddMigration<IdentityDbContext>();
        builder.AddRedisClient("cache");
        builder.AddEventBus("messaging").AddOutbox<IdentityDbContext>();

        // Audit events record the client's address, which the gateway forwards.
        builder.AddTrustedForwardedHeaders();
        services.AddHttpContextAccessor();
        services.AddScoped(sp => HttpRequestOrigin.Of(sp.GetRequiredService<IHttpContextAccessor>().HttpContext));
        services.AddScoped<AuditLog>();

        services.AddValidatedOptions<FieldEncryptionOptions>(FieldEncryptionOptions.SectionName);
        services.AddSingleton<FieldEncryptor>();
        services.AddScoped<PersonalDataReEncryptor>();

        services.AddValidatedOptions<PasswordHashingOptions>(PasswordHashingOptions.SectionName);
        services.AddSingleton<PasswordHasher>();

        services.AddValidatedOptions<EmailOptions>(EmailOptions.SectionName);
        services.AddSingleton<IEmailSender>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<EmailOptions>>().Value.PickupDirectory)
                ? ActivatorUtilities.CreateInstance<SmtpEmailSender>(sp)
                : ActivatorUtilities.CreateInstance<PickupDirectoryEmailSender>(sp));
        services.AddSingleton<AccountMail>();
        services.AddValidatedOptions<MailRateLimitOptions>(MailRateLimitOptions.SectionName);
        services.AddSingleton<IAccountMailLimiter, RedisAccountMailLimiter>();

        services.AddScoped<AccountRegistration>();
        services.AddScoped<EmailVerification>();

        services.AddValidatedOptions<LoginProtectionOptions>(LoginProtectionOptions.SectionName);
        services.AddSingleton<ILoginThrottle, RedisLoginThrottle>();
        services.AddScoped<PasswordLogin>();
        services.AddScoped<AccountUnlock>();
        services.AddScoped<PasswordResets>();

        // Tokens: signed with the key ring; Identity validates its own tokens against the ring, not over HTTP.
        services.AddSingleton<SigningKeyRing>();
        services.AddHostedService<SigningKeyBootstrapper>();
        services.AddSingleton<IConfigurationManager<OpenIdConnectConfiguration>, KeyRingConfigurationManager>();
        builder.AddDefaultAuthentication();
        services.AddAuthorizationBuilder().AddPolicy(AdminPolicy.Name, policy => policy.RequireRole(Roles.Admin));
        services.AddSingleton<AccessTokenIssuer>();
        services.AddScoped<Sessions>();
        services.AddScoped<KeyRotation>();

        services.AddScoped<UserProfiles>();
        services.AddValidatedOptions<AccountsOptions>(AccountsOptions.SectionName);
        services.AddScoped<BootstrapAdmin>();
        services.AddHostedService<BootstrapAdminStartup>();

        services.AddValidatedOptions<RetentionOptions>(RetentionOptions.SectionName);
        services.AddScoped<AccountEraser>();
        services.AddScoped<InactiveAccountSweeper>();
        services.AddHostedService<AccountMaintenanceJob>();

        // GDPR export: the other services' internal endpoints, by service discovery, with the default resilience handler.
        services.AddHttpClient(ServiceDataClient.ClosetService, http => http.BaseAddress = new Uri($"http://{ServiceDataClient.ClosetService}"));
        services.AddHttpClient(ServiceDataClient.PaymentsService, http => http.BaseAddress = new Uri($"http://{ServiceDataClient.PaymentsService}"));
        services.AddSingleton<IServiceDataExports, ServiceDataClient>();
        services.AddScoped<DataExport>();
        services.AddScoped<AccountDeletion>();

        return builder;
    }
}
