namespace ClosetConnect.TossSimulator.Control;

/// <summary>An armed delay fault for this request, as an HttpContext feature that <see cref="ConfirmDelayMiddleware"/> honours.</summary>
public sealed record ConfirmDelay(TimeSpan Delay);
