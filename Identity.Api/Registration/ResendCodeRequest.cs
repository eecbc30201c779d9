namespace ClosetConnect.Identity.Registration;

public sealed record ResendCodeRequest(string? Email);
