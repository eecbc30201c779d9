using System.Security.Claims;
using ClosetConnect.Closet.Uploads;
using ClosetConnect.Contracts;
using ClosetConnect.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace ClosetConnect.Closet.Items;

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
        Guid id, ClaimsPrincipal principal, ItemQueries queries, CancellationToken cancellationToken) =>
        await queries.FindAsync(principal.GetUserId(), id, cancellationToken) is { } item ? TypedResults.Ok(item) : TypedResults.NotFound();

    public static async Task<Results<Ok<ItemResponse>, ProblemHttpResult>> UpdateAsync(
        Guid id, ItemDetails changes, ClaimsPrincipal principal, ItemCommands commands, CancellationToken cancellationToken)
    {
        var result = await commands.UpdateAsync(principal.GetUserId(), id, changes, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Failure.ToProblem();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal principal, ItemCommands commands, CancellationToken cancellationToken) =>
        await commands.DeleteAsync(principal.GetUserId(), id, cancellationToken) is { } failure ? failure.ToProblem() : TypedResults.NoContent();

    public static async Task<Results<FileStreamHttpResult, NotFound>> GetImageAsync(
        Guid id, ClaimsPrincipal principal, ItemQueries queries, CancellationToken cancellationToken) =>
        Stream(await queries.OpenImageAsync(principal.GetUserId(), id, cancellationToken));

    public static async Task<Results<FileStreamHttpResult, NotFound>> GetCutoutAsync(
        Guid id, ClaimsPrincipal principal, ItemQueries queries, CancellationToken cancellationToken) =>
        Stream(await queries.OpenCutoutAsync(principal.GetUserId(), id, cancellationToken));

    private static Results<FileStreamHttpResult, NotFound> Stream(ItemImage? image) =>
        image is null ? TypedResults.NotFound() : TypedResults.Stream(image.Content, image.ContentType);
}
