using System.Security.Claims;
using ClosetConnect.Closet.Listings;
using ClosetConnect.Closet.Outfits;
using ClosetConnect.ServiceDefaults.Authentication;
using ClosetConnect.ServiceDefaults.Contracts;
using ClosetConnect.ServiceDefaults.EventBus.Outbox;
using ClosetConnect.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Mvc;

namespace ClosetConnect.Closet.Apis;

/// <summary>The caller's own items. Another user's item answers 404, never 403, so ids reveal nothing.</summary>
public static class ItemsApi
{
    public static RouteGroupBuilder MapItemsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/closet/items").WithTags("Items").RequireAuthorization();
        api.MapPost("/", UploadAsync)
            .DisableAntiforgery() // bearer tokens, no cookies: no cross-site request forgery to guard against
            .WithMetadata(new RequestSizeLimitAttribute(PhotoUploadLimits.MaxRequestBytes));
        api.MapGet("/", ListAsync).Produces<ItemPage>(contentType: "application/json");
        api.MapGet("/{id:guid}", GetAsync);
        api.MapPatch("/{id:guid}", UpdateAsync);
        api.MapDelete("/{id:guid}", DeleteAsync);
        api.MapGet("/{id:guid}/image", GetImageAsync);
        api.MapGet("/{id:guid}/cutout", GetCutoutAsync);
        return api;
    }

    public static async Task<Results<Created<CreatedItemResponse>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        IFormFile? image,
        [FromForm] string? name,
        [FromForm] string? category,
        [FromForm] string? brand,
        [FromForm] string? size,
        [FromForm] string? season,
        [FromForm] string? tags,
        ClaimsPrincipal principal,
        [AsParameters] ItemServices services,
        CancellationToken cancellationToken)
    {
        var details = new ItemDetails(name?.Trim(), category, brand?.Trim(), size?.Trim(), season, ItemDetailsValidator.ParseTags(tags));
        var errors = ItemDetailsValidator.Validate(details, isCreate: true);
        if (image is null)
        {
            errors["image"] = ["Attach the photo as the multipart field 'image'."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "Some fields are not valid; see errors.");
        }

        if (image!.Length > PhotoUploadLimits.MaxImageBytes)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Image too large",
                detail: $"The image is {image.Length} bytes; the limit is {PhotoUploadLimits.MaxImageBytes} bytes ({PhotoUploadLimits.MaxImageText}).");
        }

        var upload = new byte[image.Length];
        await using (var content = image.OpenReadStream())
        {
            await content.ReadExactlyAsync(upload, cancellationToken);
        }

        var format = UploadValidator.Sniff(upload.AsSpan(0, Math.Min(upload.Length, 16)));
        if (UploadValidator.Check(image.FileName, image.ContentType, image.Length, format) is { } problem)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported image", detail: problem);
        }

        var scan = await services.Scanner.ScanAsync(upload, format!.ContentType, cancellationToken);
        if (!scan.Accepted)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Upload rejected",
                detail: scan.Reason ?? "The upload scanner rejected this file.");
        }

        var (sanitized, imageProblem) = UploadImageSanitizer.Sanitize(upload, format);
        if (sanitized is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Unusable image", detail: imageProblem);
        }

        var userId = principal.GetUserId();
        if (await services.Db.ErasedAccounts.AnyAsync(a => a.UserId == userId, cancellationToken))
        {
            // A token issued before the account was erased is still within its hour.
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Account deleted",
                detail: "This account has been deleted; its closet cannot take new items.");
        }

        var now = services.Time.GetUtcNow();
        var itemId = Guid.CreateVersion7(now);
        var imageKey = $"items/{userId:N}/{itemId:N}/original.{sanitized.Format.Extension}";
        await services.Blobs.WriteAsync(imageKey, new MemoryStream(sanitized.Content, writable: false), cancellationToken);

        try
        {
            if (!await services.Db.Closets.AnyAsync(c => c.UserId == userId, cancellationToken))
            {
                // The registration event may still be on its way; the closet is the same either way.
                services.Db.Closets.Add(new UserCloset(userId, principal.Identity?.Name ?? string.Empty, now));
            }

            var item = ClosetItem.Upload(itemId, userId, details, imageKey, sanitized.Format.ContentType, now);
            services.Db.Items.Add(item);
            services.Db.AddIntegrationEvent(new ItemImageUploadedEvent(item.Id, userId, imageKey, sanitized.Format.ContentType) { OccurredAt = now });
            await services.Db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // No item row means nobody will ever reference the file: remove it.
            await services.Deletions.DeleteNowAsync(ClosetItem.FolderFor(userId, itemId));
            throw;
        }

        services.Logger.LogInformation("Item {ItemId} uploaded ({ContentType}, {Width}×{Height}, {Bytes} bytes stored)",
            itemId, sanitized.Format.ContentType, sanitized.Width, sanitized.Height, sanitized.Content.Length);
        return TypedResults.Created($"/api/v1/closet/items/{itemId}", new CreatedItemResponse(itemId, "processing"));
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> ListAsync(
        [AsParameters] ItemListQuery query, ClaimsPrincipal principal, ItemPages pages, CancellationToken cancellationToken)
    {
        if (query.Validate() is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors, detail: "Some query parameters are not valid; see errors.");
        }

        // The page as JSON already: a cached page goes out without being parsed and written again.
        return TypedResults.Bytes(await pages.ReadJsonAsync(query, principal.GetUserId(), cancellationToken), "application/json; charset=utf-8");
    }

    public static async Task<Results<Ok<ItemResponse>, NotFound>> GetAsync(
        Guid id, ClaimsPrincipal principal, ClosetDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var item = await FindOwnAsync(db.Items.AsNoTracking(), id, principal, cancellationToken);
        return item is null ? TypedResults.NotFound() : TypedResults.Ok(await WithListingAsync(db, item, time.GetUtcNow(), cancellationToken));
    }

    public static async Task<Results<Ok<ItemResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, ItemDetails changes, ClaimsPrincipal principal, [AsParameters] ItemServices services, CancellationToken cancellationToken)
    {
        var normalized = changes with
        {
            Name = changes.Name?.Trim(),
            Brand = changes.Brand?.Trim(),
            Size = changes.Size?.Trim(),
            Tags = changes.Tags?.Select(t => t.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList(),
        };
        var errors = ItemDetailsValidator.Validate(normalized, isCreate: false);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "Some fields are not valid; see errors.");
        }

        var item = await FindOwnAsync(services.Db.Items, id, principal, cancellationToken);
        if (item is null)
        {
            return TypedResults.NotFound();
        }

        var now = services.Time.GetUtcNow();
        if (await services.Db.ActiveListingAsync(item.Id, item.UserId, cancellationToken) is { } listing && listing.IsReservedAt(now))
        {
            // The buyer pays for the item as listed: its details stay as they are until the order ends.
            return ReservedItemProblem("changed");
        }

        item.Apply(normalized, now);
        await services.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await WithListingAsync(services.Db, item, now, cancellationToken));
    }

    /// <summary>
    /// Deletes the item and its images; it leaves every outfit it was in (which records it) and its listing is withdrawn,
    /// all in one transaction. Refused while a buyer's unexpired order holds the listing.
    /// </summary>
    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal principal, [AsParameters] ItemServices services, CancellationToken cancellationToken)
    {
        var item = await FindOwnAsync(services.Db.Items, id, principal, cancellationToken);
        if (item is null)
        {
            return TypedResults.NotFound();
        }

        var now = services.Time.GetUtcNow();
        if (await services.Db.ActiveListingAsync(item.Id, item.UserId, cancellationToken) is { } listing)
        {
            if (listing.IsReservedAt(now))
            {
                return ReservedItemProblem("deleted");
            }

            listing.Withdraw(now);
        }

        await services.Db.RemoveFromOutfitsAsync(item, OutfitRemovalReason.Deleted, now, cancellationToken);
        services.Db.Items.Remove(item);
        try
        {
            await services.Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A buyer's order reserved the listing between the read and the write.
            return ReservedItemProblem("deleted");
        }

        // The folder rather than the keys read above: an analysis that landed meanwhile wrote a cut-out and a mask there.
        await services.Deletions.DeleteNowAsync(item.BlobFolder);
        return TypedResults.NoContent();
    }

    public static Task<Results<FileStreamHttpResult, NotFound>> GetImageAsync(
        Guid id, ClaimsPrincipal principal, [AsParameters] ItemServices services, CancellationToken cancellationToken) =>
        StreamBlobAsync(id, principal, services, item => (item.ImageKey, item.ImageContentType), cancellationToken);

    public static Task<Results<FileStreamHttpResult, NotFound>> GetCutoutAsync(
        Guid id, ClaimsPrincipal principal, [AsParameters] ItemServices services, CancellationToken cancellationToken) =>
        StreamBlobAsync(id, principal, services, item => (item.CutoutKey, "image/png"), cancellationToken);

    private static async Task<Results<FileStreamHttpResult, NotFound>> StreamBlobAsync(
        Guid id, ClaimsPrincipal principal, ItemServices services, Func<ClosetItem, (string? Key, string ContentType)> select, CancellationToken cancellationToken)
    {
        var item = await FindOwnAsync(services.Db.Items.AsNoTracking(), id, principal, cancellationToken);
        if (item is null || select(item) is not { Key: { } key, ContentType: var contentType })
        {
            return TypedResults.NotFound();
        }

        var stream = await services.Blobs.OpenReadAsync(key, cancellationToken);
        return stream is null ? TypedResults.NotFound() : TypedResults.Stream(stream, contentType);
    }

    private static async Task<ItemResponse> WithListingAsync(ClosetDbContext db, ClosetItem item, DateTimeOffset now, CancellationToken cancellationToken) =>
        ItemResponse.From(item, await db.ListingSummariesAsync(item.UserId, [item.Id], now, cancellationToken));

    private static ProblemHttpResult ReservedItemProblem(string change) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Item is being bought",
            detail: $"Someone is paying for this item; it can be {change} after their order ends.");

    private static Task<ClosetItem?> FindOwnAsync(IQueryable<ClosetItem> items, Guid id, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        return items.SingleOrDefaultAsync(i => i.Id == id && i.UserId == userId, cancellationToken);
    }
}

public sealed class ItemServices(
    ClosetDbContext db, IBlobStore blobs, BlobDeletionAfterCommit deletions, IUploadScanner scanner, TimeProvider time, ILogger<ItemServices> logger)
{
    public ClosetDbContext Db { get; } = db;
    public IBlobStore Blobs { get; } = blobs;
    public BlobDeletionAfterCommit Deletions { get; } = deletions;
    public IUploadScanner Scanner { get; } = scanner;
    public TimeProvider Time { get; } = time;
    public ILogger<ItemServices> Logger { get; } = logger;
}
