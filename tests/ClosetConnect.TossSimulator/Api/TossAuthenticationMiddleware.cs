using System.Text;
using ClosetConnect.TossSimulator.Configuration;
using Microsoft.Extensions.Options;

namespace ClosetConnect.TossSimulator.Api;

/// <summary>
/// Toss's Basic auth: <c>base64("{secretKey}:")</c>, the secret key as user name and no password. Missing or not Basic →
/// 401 UNAUTHORIZED_KEY; no colon → 403 INCORRECT_BASIC_AUTH_FORMAT; a key not configured → 401 UNAUTHORIZED_KEY.
/// </summary>
public sealed class TossAuthenticationMiddleware(RequestDelegate next, IOptionsMonitor<SimulatorOptions> options, TossResults results)
{
    private const string Scheme = "Basic ";

    public Task InvokeAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || Decode(header[Scheme.Length..].Trim()) is not { } credentials)
        {
            return results.WriteErrorAsync(context, "UNAUTHORIZED_KEY");
        }
        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return results.WriteErrorAsync(context, "INCORRECT_BASIC_AUTH_FORMAT");
        }
        var secretKey = credentials[..colon];
        if (!options.CurrentValue.EffectiveSecretKeys.Contains(secretKey, StringComparer.Ordinal))
        {
            return results.WriteErrorAsync(context, "UNAUTHORIZED_KEY");
        }

        context.Features.Set(new AuthenticatedSecretKey(secretKey));
        return next(context);
    }

    private static string? Decode(string value)
    {
        var bytes = new byte[value.Length];
        return Convert.TryFromBase64String(value, bytes, out var written) ? Encoding.UTF8.GetString(bytes, 0, written) : null;
    }
}
