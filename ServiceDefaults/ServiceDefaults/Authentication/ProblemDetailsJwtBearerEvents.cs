using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace ClosetConnect.ServiceDefaults.Authentication;

/// <summary>401 and 403 answers as problem+json saying what is wrong with the token, not an empty body.</summary>
internal static class ProblemDetailsJwtBearerEvents
{
    public static JwtBearerEvents Create() => new()
    {
        OnChallenge = async context =>
        {
            context.HandleResponse();
            var detail = context.AuthenticateFailure switch
            {
                SecurityTokenExpiredException => "The access token has expired; refresh it or log in again.",
                null when string.IsNullOrEmpty(context.Request.Headers.Authorization) => "This endpoint needs a bearer access token.",
                _ => "The access token is not valid.",
            };
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteAsync(context.HttpContext, "Unauthorized", detail);
        },
        OnForbidden = async context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await WriteAsync(context.HttpContext, "Forbidden", "Your account is not allowed to do this.");
        },
    };

    private static async Task WriteAsync(HttpContext context, string title, string detail)
    {
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = context.Response.StatusCode, Title = title, Detail = detail },
        });
    }
}
