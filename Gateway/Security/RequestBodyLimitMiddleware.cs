using ClosetConnect.Contracts;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Model;

namespace ClosetConnect.Gateway.Security;

/// <summary>
/// Caps request bodies per route before anything is proxied: routes whose metadata says
/// <c>"RequestBody": "photo-upload"</c> by <see cref="PhotoUploadLimits"/>, everything else by
/// <see cref="RequestLimitsOptions.JsonMaxBytes"/>. A declared length over the cap is refused at once (413
/// problem+json); a chunked body is cut off by Kestrel at the same cap.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<RequestLimitsOptions> options)
{
    private const string RequestBodyMetadataKey = "RequestBody";
    private const string PhotoUploadRequestBody = "photo-upload";

    public async Task InvokeAsync(HttpContext context)
    {
        var isUpload = context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config.Metadata?.GetValueOrDefault(RequestBodyMetadataKey)
            == PhotoUploadRequestBody;
        var limit = isUpload ? PhotoUploadLimits.MaxRequestBytes : options.Value.JsonMaxBytes;

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
                        ? $"Photo uploads are limited to {PhotoUploadLimits.MaxImageText}."
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
