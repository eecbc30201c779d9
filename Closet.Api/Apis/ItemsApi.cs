using System.Security.Claims;
using ClosetConnect.Closet.Listings;
using ClosetConnect.Closet.Outfits;
using ClosetConnect.ServiceDefaults.Authentication;
using ClosetConnect.ServiceDefaults.Contracts;
using ClosetConnect.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Mvc;

namespace ClosetConnect.Closet.Apis;

/// <summary>The caller's own items. Another user's item answers 404, never 403, so ids reveal nothing.</summary>
public static class ItemsApi
{
    public static RouteGroupBuilder MapItemsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/closet/items").WithTags("Items").RequireAuthorization();
        api.MapPost("/", UploadAsync).WithName("UploadItem")
            .WithSummary("Uploads a photo as a new item; the vision worker then names its category and colours.")
            .DisableAntiforgery() // bearer tokens, no cookies: no cross-site request forgery to guard against
            .WithMetadata(new RequestSizeLimitAttribute(PhotoUploadLimits.MaxRequestBytes));
        api.MapGet("/", ListAsync).WithName("ListItems")
            .WithSummary("Lists the caller's items, a page at a time, filtered by category, colour or text.")
            .Produces<ItemPage>(contentType: "application/json");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetItem")
            .WithSummary("Gets one of the caller's items with its analysis and its listing.");
        api.MapPatch("/{id:guid}", UpdateAsync).WithName("UpdateItem")
            .WithSummary("Changes an item's details; a field left out stays as it is.");
        api.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteItem")
            .WithSummary("Deletes an item with its images; its listing is withdrawn and it leaves every outfit.");
        api.MapGet("/{id:guid}/image", GetImageAsync).WithName("GetItemImage")
            .WithSummary("The item's photo as stored: re-encoded, without EXIF.");
        api.MapGet("/{id:guid}/cutout", GetCutoutAsync).WithName("GetItemCutout")
            .WithSummary("The garment cut out of the photo (PNG with transparency), once the analysis is done.");
        return api;
    }

    public static async Task<Results<Created<CreatedItemResponse>, ProblemHttpResult>> UploadAsync(
        IFormFile? image,
        [FromForm] string? name,
        [FromForm] string? category,
        [FromForm] string? brand,
        [FromForm] string? size,
        [FromForm] string? season,
        [FromForm] string? tags,
        ClaimsPrincipal principal,
        ItemUpload upload,
        CancellationToken cancellationToken)
    {
        var details = new ItemDetails(name?.Trim(), category, brand?.Trim(), size?.Trim(), season, ItemDetailsValidator.ParseTags(tags));
        var photo = image is null ? null : new UploadedPhoto(image.FileName, image.ContentType, image.Length, image.OpenReadStream);
        var result = await upload.UploadAsync(principal.GetUserId(), principal.Identity?.Name ?? string.Empty, photo, details, cancellationToken);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/closet/items/{result.Value.Id}", result.Value)
            : result.Failure.ToProblem();
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

public sealed class ItemServices(ClosetDbContext db, IBlobStore blobs, BlobDeletionAfterCommit deletions, TimeProvider time)
{
    public ClosetDbContext Db { get; } = db;
    public IBlobStore Blobs { get; } = blobs;
    public BlobDeletionAfterCommit Deletions { get; } = deletions;
    public TimeProvider Time { get; } = time;
}
