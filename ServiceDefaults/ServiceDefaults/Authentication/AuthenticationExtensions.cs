using ClosetConnect.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Microsoft.Extensions.Hosting;

public static class AuthenticationExtensions
{
    private const string JwksHttpClient = "identity-jwks";

    /// <summary>
    /// Bearer authentication for every API: ES256 only (so <c>alg: none</c> and HMAC-with-public-key tokens are refused),
    /// issuer, audience and lifetime checked with at most 30 s of clock skew, signing keys from Identity's JWKS.
    /// Identity.Api registers its own <see cref="IConfigurationManager{T}"/> to validate against its key ring directly.
    /// </summary>
    public static IHostApplicationBuilder AddDefaultAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TokenValidationSettings>()
            .BindConfiguration(TokenValidationSettings.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddHttpClient(JwksHttpClient);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<TokenValidationSettings>, IHttpClientFactory, IServiceProvider>((jwt, settings, httpClients, services) =>
            {
                var validation = settings.Value;
                jwt.MapInboundClaims = false;
                jwt.Events = ProblemDetailsJwtBearerEvents.Create();
                jwt.RequireHttpsMetadata = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = validation.Issuer,
                    ValidAudience = validation.Audience,
                    ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    ValidateIssuerSigningKey = true,
                    RequireSignedTokens = true,
                    RequireExpirationTime = true,
                    ClockSkew = validation.ClockSkew,
                    NameClaimType = "name",
                    RoleClaimType = "role",
                };
                jwt.ConfigurationManager = services.GetService<IConfigurationManager<OpenIdConnectConfiguration>>()
                    ?? new JwksKeySetManager(
                        validation.JwksUrl,
                        new HttpDocumentRetriever(httpClients.CreateClient(JwksHttpClient)) { RequireHttps = false },
                        new JwksConfigurationRetriever(validation.Issuer),
                        validation.JwksRefreshInterval,
                        services.GetService<TimeProvider>() ?? TimeProvider.System)
                    {
                        // A key retired in an emergency must stop verifying, not live on as a "last known good" key.
                        UseLastKnownGoodConfiguration = false,
                    };
            });

        builder.Services.AddAuthorization();
        return builder;
    }
}
