namespace ClosetConnect.TossSimulator.Api;

/// <summary>What <see cref="JsonBody.Amount"/> found.</summary>
public enum AmountReading
{
    Read,
    Missing,
    Invalid,
}
