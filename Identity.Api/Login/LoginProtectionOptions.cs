using System.ComponentModel.DataAnnotations;

namespace ClosetConnect.Identity.Login;

/// <summary>Section <c>LoginProtection</c>: how failed logins slow down and then lock an account.</summary>
public sealed class LoginProtectionOptions
{
    public const string SectionName = "LoginProtection";

    /// <summary>Failed attempts within <see cref="FailureWindow"/> that lock the account.</summary>
    [Range(1, 100, ErrorMessage = "LoginProtection:MaxFailures must be between 1 and 100.")]
    public int MaxFailures { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "LoginProtection:LockoutDuration must be between 1 second and 1 day.")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a failure counts; the counter starts afresh after it, or after a successful login.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "LoginProtection:FailureWindow must be between 1 second and 1 day.")]
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The wait before the attempt after the first failure; it doubles with each further failure.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10", ErrorMessage = "LoginProtection:BaseDelay must be between 0 and 10 seconds.")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "LoginProtection:MaxDelay must be between 0 and 60 seconds.")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Progressive delay: none before the first failure, then BaseDelay × 2^(failures − 1), capped at MaxDelay.</summary>
    public TimeSpan DelayAfter(int priorFailures) =>
        priorFailures <= 0
            ? TimeSpan.Zero
            : TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, BaseDelay.Ticks * (1L << Math.Min(priorFailures - 1, 20))));
}
