using System.Globalization;

namespace ClosetConnect.ServiceDefaults.Problems;

/// <summary>
/// Why a use case refused; <see cref="Detail"/> is written for the client. <see cref="RetryAfter"/> becomes the
/// <c>Retry-After</c> header of a 423 or 429.
/// </summary>
public sealed record UseCaseFailure(
    FailureKind Kind, string Title, string Detail, IDictionary<string, string[]>? Errors = null, TimeSpan? RetryAfter = null)
{
    public static UseCaseFailure Invalid(IDictionary<string, string[]> errors, string detail = "Some fields are not valid; see errors.") =>
        new(FailureKind.Invalid, "One or more validation errors occurred.", detail, errors);

    public static UseCaseFailure NotFound(string detail) => new(FailureKind.NotFound, "Not found", detail);

    public static UseCaseFailure Conflict(string detail) => new(FailureKind.Conflict, "Conflict", detail);

    public static UseCaseFailure Unprocessable(string detail) => new(FailureKind.Unprocessable, "Not allowed", detail);

    /// <summary>A wait as the whole seconds a client is told (at least 1), for the detail text and the header alike.</summary>
    public static string WholeSeconds(TimeSpan wait) =>
        Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
