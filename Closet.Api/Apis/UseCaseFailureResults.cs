using Microsoft.AspNetCore.Mvc;

namespace ClosetConnect.Closet.Apis;

public static class UseCaseFailureResults
{
    /// <summary>The failure as RFC 7807 problem+json; a validation failure carries its <c>errors</c> by field.</summary>
    public static ProblemHttpResult ToProblem(this UseCaseFailure failure)
    {
        var status = failure.Kind switch
        {
            FailureKind.Invalid => StatusCodes.Status400BadRequest,
            FailureKind.NotFound => StatusCodes.Status404NotFound,
            FailureKind.Conflict => StatusCodes.Status409Conflict,
            FailureKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
            FailureKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
            FailureKind.UnsupportedMedia => StatusCodes.Status415UnsupportedMediaType,
            FailureKind.Unauthenticated => StatusCodes.Status401Unauthorized,
            _ => throw new ArgumentOutOfRangeException(nameof(failure), failure.Kind, "A failure kind with no status."),
        };
        ProblemDetails problem = failure.Errors is { } errors
            ? new HttpValidationProblemDetails(errors)
            : new ProblemDetails();
        problem.Status = status;
        problem.Title = failure.Title;
        problem.Detail = failure.Detail;
        return TypedResults.Problem(problem);
    }
}
