using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ClosetConnect.ServiceDefaults.Problems;

public static class UseCaseFailureResults
{
    /// <summary>The failure as RFC 7807 problem+json; a validation failure carries its <c>errors</c> by field.</summary>
    public static ProblemHttpResult ToProblem(this UseCaseFailure failure)
    {
        var status = failure.Kind switch
        {
            FailureKind.Invalid => StatusCodes.Status400BadRequest,
            FailureKind.Unauthenticated => StatusCodes.Status401Unauthorized,
            FailureKind.Forbidden => StatusCodes.Status403Forbidden,
            FailureKind.NotFound => StatusCodes.Status404NotFound,
            FailureKind.Conflict => StatusCodes.Status409Conflict,
            FailureKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
            FailureKind.UnsupportedMedia => StatusCodes.Status415UnsupportedMediaType,
            FailureKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
            FailureKind.Locked => StatusCodes.Status423Locked,
            FailureKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
            FailureKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
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

    /// <summary>As <see cref="ToProblem(UseCaseFailure)"/>, and tells the client when to try again.</summary>
    public static ProblemHttpResult ToProblem(this UseCaseFailure failure, HttpResponse response)
    {
        if (failure.RetryAfter is { } wait)
        {
            response.Headers.RetryAfter = UseCaseFailure.WholeSeconds(wait);
        }

        return failure.ToProblem();
    }
}
