using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace ClosetConnect.Gateway.Security;

/// <summary>
/// Caps request bodies per route before anything is proxied: photo uploads 10 MB, everything else 1 MB. A declared
/// length over the cap is refused at once (413 problem+json); a chunked body is cut off by Kestrel at the same cap.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<RequestLimitsOptions> options)
{
    private const string UploadPath = "/api/v1/closet/items";

    public async Task InvokeAsync(HttpContext context)
    {
        var isUpload = HttpMethods.IsPost(context.Request.Method)
            && context.Request.Path.Equals(UploadPath, StringComparison.OrdinalIgnoreCase);
        var limit = isUpload ? options.Value.UploadMaxBytes : options.Value.JsonMaxBytes;

        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Request too large",
                    Detail = isUpload
                        ? "Photo uploads are limited to 10 MB."
                        : $"Request bodies are limited to {limit / 1024} KB.",
                },
            });
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }

        await next(context);
    }
}
