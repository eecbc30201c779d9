using ClosetConnect.Closet.Infrastructure;
using ClosetConnect.Closet.Items;
using ClosetConnect.Contracts;
using ClosetConnect.EventBus.Outbox;
using ClosetConnect.ServiceDefaults.Storage;

namespace ClosetConnect.Closet.Uploads;

/// <summary>
/// A photo becomes a new item. It is checked first, each check with its own refusal: the details, the size, the
/// format the bytes are in, the upload scanner, and whether it decodes. Then it is re-encoded, without EXIF, and
/// stored. The item row and the <see cref="ItemImageUploadedEvent"/> for the vision worker commit together; a failed
/// commit removes the stored file.
/// </summary>
public sealed class ItemUpload(
    ClosetDbContext db, IBlobStore blobs, BlobDeletionAfterCommit deletions, IUploadScanner scanner, TimeProvider time, ILogger<ItemUpload> logger)
{
    public async Task<UseCaseResult<CreatedItemResponse>> UploadAsync(
        Guid userId, string username, UploadedPhoto? photo, ItemDetails details, CancellationToken cancellationToken)
    {
        var errors = ItemDetailsValidator.Validate(details, isCreate: true);
        if (photo is null)
        {
            errors["image"] = ["Attach the photo as the multipart field 'image'."];
        }

        if (errors.Count > 0)
        {
            return UseCaseFailure.Invalid(errors);
        }

        if (photo!.Length > PhotoUploadLimits.MaxImageBytes)
        {
            return new UseCaseFailure(FailureKind.TooLarge, "Image too large",
                $"The image is {photo.Length} bytes; the limit is {PhotoUploadLimits.MaxImageBytes} bytes ({PhotoUploadLimits.MaxImageText}).");
        }

        var upload = new byte[photo.Length];
        await using (var content = photo.OpenRead())
        {
            await content.ReadExactlyAsync(upload, cancellationToken);
        }

        var format = UploadValidator.Sniff(upload.AsSpan(0, Math.Min(upload.Length, 16)));
        if (UploadValidator.Check(photo.FileName, photo.ContentType, photo.Length, format) is { } problem)
        {
            return new UseCaseFailure(FailureKind.UnsupportedMedia, "Unsupported image", problem);
        }

        var scan = await scanner.ScanAsync(upload, format!.ContentType, cancellationToken);
        if (!scan.Accepted)
        {
            return new UseCaseFailure(FailureKind.Unprocessable, "Upload rejected", scan.Reason ?? "The upload scanner rejected this file.");
        }

        var (sanitized, imageProblem) = UploadImageSanitizer.Sanitize(upload, format);
        if (sanitized is null)
        {
            return new UseCaseFailure(FailureKind.Unprocessable, "Unusable image", imageProblem!);
        }

        if (await db.ErasedAccounts.AnyAsync(a => a.UserId == userId, cancellationToken))
        {
            // A token issued before the account was erased is still within its hour.
            return new UseCaseFailure(FailureKind.Unauthenticated, "Account deleted", "This account has been deleted; its closet cannot take new items.");
        }

        var now = time.GetUtcNow();
        var itemId = Guid.CreateVersion7(now);
        var imageKey = ClosetItem.KeyFor(userId, itemId, $"original.{sanitized.Format.Extension}");
        await blobs.WriteAsync(imageKey, new MemoryStream(sanitized.Content, writable: false), cancellationToken);
        try
        {
            if (!await db.Closets.AnyAsync(c => c.UserId == userId, cancellationToken))
            {
                // The registration event may still be on its way; the closet is the same either way.
                db.Closets.Add(new UserCloset(userId, username, now));
            }

            var item = ClosetItem.Upload(itemId, userId, details, imageKey, sanitized.Format.ContentType, now);
            db.Items.Add(item);
            db.AddIntegrationEvent(new ItemImageUploadedEvent(item.Id, userId, imageKey, sanitized.Format.ContentType) { OccurredAt = now });
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // No item row means nobody will ever reference the file: remove it.
            await deletions.DeleteNowAsync(ClosetItem.FolderFor(userId, itemId));
            throw;
        }

        logger.LogInformation("Item {ItemId} uploaded ({ContentType}, {Width}×{Height}, {Bytes} bytes stored)",
            itemId, sanitized.Format.ContentType, sanitized.Width, sanitized.Height, sanitized.Content.Length);
        return new CreatedItemResponse(itemId, "processing");
    }
}
