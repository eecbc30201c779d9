using System.Buffers;
using System.IO.Compression;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace ClosetConnect.AppHost.Hosting.Telemetry;

/// <summary>
/// One OTLP/HTTP export as the specification has it: a protobuf body (<c>application/x-protobuf</c>), plain or gzip,
/// answered 200 with the protobuf response message, or 4xx with a reason when the body cannot be taken.
/// </summary>
internal static class OtlpRequestBody
{
    public const string ProtobufContentType = "application/x-protobuf";

    /// <summary>Kestrel's limit applies to the bytes on the wire; this one to what gzip expands them to.</summary>
    public const int MaxDecodedBytes = 32 * 1024 * 1024;

    public static async Task<Results<FileContentHttpResult, ContentHttpResult>> ReceiveAsync<TRequest>(
        HttpRequest request,
        MessageParser<TRequest> parser,
        Func<TRequest, IMessage> store,
        CancellationToken cancellationToken)
        where TRequest : IMessage<TRequest>
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals(ProtobufContentType, StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(StatusCodes.Status415UnsupportedMediaType,
                $"Send OTLP as {ProtobufContentType} (OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf); OTLP/JSON is not supported here.");
        }
        var encoding = request.Headers.ContentEncoding.ToString();
        if (encoding is not ("" or "identity" or "gzip"))
        {
            return Refuse(StatusCodes.Status415UnsupportedMediaType, $"Content-Encoding '{encoding}' is not supported; send gzip or no encoding.");
        }

        byte[] body;
        try
        {
            var gzip = encoding == "gzip" ? new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true) : null;
            await using var disposeGzip = gzip;
            if (await ReadBoundedAsync(gzip ?? request.Body, cancellationToken) is not { } read)
            {
                return Refuse(StatusCodes.Status413PayloadTooLarge, $"The export expands to more than {MaxDecodedBytes} bytes; send smaller batches.");
            }
            body = read;
        }
        catch (InvalidDataException)
        {
            return Refuse(StatusCodes.Status400BadRequest, "The gzip body is corrupt.");
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own limits (request body size) and broken chunking.
            return Refuse(e.StatusCode, e.Message);
        }

        TRequest export;
        try
        {
            export = parser.ParseFrom(body);
        }
        catch (InvalidProtocolBufferException e)
        {
            return Refuse(StatusCodes.Status400BadRequest, $"The body is not a valid {typeof(TRequest).Name}: {e.Message}");
        }
        return TypedResults.Bytes(store(export).ToByteArray(), ProtobufContentType);
    }

    private static async Task<byte[]?> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffered = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81_920);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffered.Length + read > MaxDecodedBytes)
                {
                    return null;
                }
                buffered.Write(chunk, 0, read);
            }
            return buffered.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static ContentHttpResult Refuse(int statusCode, string reason) => TypedResults.Text(reason, "text/plain; charset=utf-8", statusCode: statusCode);
}
