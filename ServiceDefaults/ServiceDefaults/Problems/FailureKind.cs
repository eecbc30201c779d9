namespace ClosetConnect.ServiceDefaults.Problems;

/// <summary>Why a use case refused, as the HTTP status it answers with (<see cref="UseCaseFailureResults"/>).</summary>
public enum FailureKind
{
    /// <summary>The request itself is wrong (400); <see cref="UseCaseFailure.Errors"/> names the fields.</summary>
    Invalid,

    /// <summary>The credentials or the token are wrong, or the account behind a valid token is gone (401).</summary>
    Unauthenticated,

    /// <summary>Known caller, but this is refused to them (403).</summary>
    Forbidden,

    /// <summary>No such thing, or not the caller's (404).</summary>
    NotFound,

    /// <summary>The thing's current state refuses the change (409).</summary>
    Conflict,

    /// <summary>The body is larger than the rule allows (413).</summary>
    TooLarge,

    /// <summary>The body is not in a format this accepts (415).</summary>
    UnsupportedMedia,

    /// <summary>Understood, but this caller may not do it (422).</summary>
    Unprocessable,

    /// <summary>Locked for a while (423, with <see cref="UseCaseFailure.RetryAfter"/>).</summary>
    Locked,

    /// <summary>Asked too often (429, with <see cref="UseCaseFailure.RetryAfter"/>).</summary>
    TooManyRequests,

    /// <summary>A service this needs cannot answer right now (503).</summary>
    Unavailable,
}
