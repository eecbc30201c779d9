namespace ClosetConnect.TossSimulator.Checkout;

/// <summary>303 See Other: after a form POST the browser must GET the next page (Results.Redirect only does 301/302/307/308).</summary>
public sealed class SeeOtherResult(Uri location) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = location.OriginalString;
        return Task.CompletedTask;
    }
}
