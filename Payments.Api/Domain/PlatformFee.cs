namespace ClosetConnect.Payments.Domain;

/// <summary>The platform's share of a sale, in percent; rounded half away from zero to whole units (KRW has no minor unit).</summary>
public sealed record PlatformFee(decimal Percent)
{
    public long On(long amount) => (long)Math.Round(amount * Percent / 100m, MidpointRounding.AwayFromZero);
}
