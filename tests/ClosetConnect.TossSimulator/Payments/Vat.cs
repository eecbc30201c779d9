namespace ClosetConnect.TossSimulator.Payments;

/// <summary>
/// Toss's VAT split: <c>vat = round(amount / 11)</c>, <c>suppliedAmount = amount − vat</c> (15000 → 1364 + 13636). The
/// midpoint rule is UNCONFIRMED; half away from zero is our pick. Tax-free amounts are not simulated.
/// </summary>
public static class Vat
{
    public static long Of(long amount) => (long)Math.Round(amount / 11m, MidpointRounding.AwayFromZero);

    public static long SuppliedAmountOf(long amount) => amount - Of(amount);
}
