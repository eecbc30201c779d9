namespace ClosetConnect.TossSimulator.Control;

/// <summary>Waits out a <see cref="ConfirmDelay"/> after the idempotency key is claimed: a slow Toss, as the client sees it.</summary>
public sealed class ConfirmDelayMiddleware(RequestDelegate next, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<ConfirmDelay>() is { } delay)
        {
            await Task.Delay(delay.Delay, clock, context.RequestAborted);
        }
        await next(context);
    }
}
