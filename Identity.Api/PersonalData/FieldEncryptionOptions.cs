using System.ComponentModel.DataAnnotations;

namespace ClosetConnect.Identity.PersonalData;

/// <summary>
/// Keys for personal fields at rest (section <c>FieldEncryption</c>): each key is 32 random bytes in base64, named by
/// an id. New values use <see cref="ActiveKeyId"/>; older ids stay listed until every value has been re-encrypted.
/// </summary>
public sealed class FieldEncryptionOptions : IValidatableObject
{
    public const string SectionName = "FieldEncryption";

    [Required]
    public string ActiveKeyId { get; set; } = string.Empty;

    public Dictionary<string, string> Keys { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Keys.ContainsKey(ActiveKeyId))
        {
            yield return new ValidationResult(
                $"{SectionName}:Keys:{ActiveKeyId} is missing: the active key must be listed.", [nameof(Keys)]);
        }

        var key = new byte[64];
        foreach (var (id, value) in Keys)
        {
            if (id.Contains(':', StringComparison.Ordinal))
            {
                yield return new ValidationResult($"{SectionName}:Keys:{id}: a key id cannot contain ':'.", [nameof(Keys)]);
            }

            if (!Convert.TryFromBase64String(value, key, out var length) || length != 32)
            {
                yield return new ValidationResult(
                    $"{SectionName}:Keys:{id} must be 32 random bytes in base64 (openssl rand -base64 32).", [nameof(Keys)]);
            }
        }
    }
}
