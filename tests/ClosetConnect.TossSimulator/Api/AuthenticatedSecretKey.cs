namespace ClosetConnect.TossSimulator.Api;

/// <summary>The secret key a <c>/v1</c> request authenticated with, as an HttpContext feature.</summary>
public sealed record AuthenticatedSecretKey(string Value)
{
    public bool IsTest => ApiKeys.IsTest(Value);

    /// <summary>The key <see cref="TossAuthenticationMiddleware"/> accepted; only code behind it may ask.</summary>
    public static AuthenticatedSecretKey Of(HttpContext context) =>
        context.Features.Get<AuthenticatedSecretKey>() ?? throw new InvalidOperationException("The request has not been through TossAuthenticationMiddleware.");
}
