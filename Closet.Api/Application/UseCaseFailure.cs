namespace ClosetConnect.Closet.Application;

public enum FailureKind
{
    /// <summary>The request itself is wrong (400); <see cref="UseCaseFailure.Errors"/> names the fields.</summary>
    Invalid,

    /// <summary>No such thing, or not the caller's (404).</summary>
    NotFound,

    /// <summary>The thing's current state refuses the change (409).</summary>
    Conflict,

    /// <summary>Understood, but this caller may not do it (422).</summary>
    Unprocessable,

    /// <summary>The body is larger than the rule allows (413).</summary>
    TooLarge,

    /// <summary>The body is not in a format this accepts (415).</summary>
    UnsupportedMedia,

    /// <summary>The token is valid, but the account behind it is gone (401).</summary>
    Unauthenticated,
}

/// <summary>Why a use case refused; <see cref="Detail"/> is written for the client.</summary>
public sealed record UseCaseFailure(FailureKind Kind, string Title, string Detail, IDictionary<string, string[]>? Errors = null)
{
    public static UseCaseFailure Invalid(IDictionary<string, string[]> errors, string detail = "Some fields are not valid; see errors.") =>
        new(FailureKind.Invalid, "One or more validation errors occurred.", detail, errors);

    public static UseCaseFailure NotFound(string detail) => new(FailureKind.NotFound, "Not found", detail);

    public static UseCaseFailure Conflict(string detail) => new(FailureKind.Conflict, "Conflict", detail);

    public static UseCaseFailure Unprocessable(string detail) => new(FailureKind.Unprocessable, "Not allowed", detail);
}
