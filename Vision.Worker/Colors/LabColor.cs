namespace ClosetConnect.Vision.Colors;

/// <summary>A colour in CIELAB (D65): distances there follow what people perceive, unlike in RGB.</summary>
public readonly record struct LabColor(float L, float A, float B)
{
    private const double Xn = 0.95047, Yn = 1.0, Zn = 1.08883;
    private const double Epsilon = 216.0 / 24389.0; // (6/29)^3
    private const double Kappa = 24389.0 / 27.0;

    /// <summary>sRGB byte → linear light, for all 256 values.</summary>
    private static readonly float[] LinearFromByte = BuildLinearLookup();

    public static LabColor FromSrgb(byte red, byte green, byte blue)
    {
        double r = LinearFromByte[red], g = LinearFromByte[green], b = LinearFromByte[blue];
        var x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / Xn;
        var y = (0.2126729 * r + 0.7151522 * g + 0.0721750 * b) / Yn;
        var z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / Zn;
        double fx = F(x), fy = F(y), fz = F(z);
        return new LabColor((float)(116 * fy - 16), (float)(500 * (fx - fy)), (float)(200 * (fy - fz)));
    }

    public static LabColor FromHex(string hex)
    {
        var rgb = Convert.FromHexString(hex.AsSpan().TrimStart('#'));
        return FromSrgb(rgb[0], rgb[1], rgb[2]);
    }

    public (byte Red, byte Green, byte Blue) ToSrgb()
    {
        var fy = (L + 16) / 116.0;
        var fx = fy + A / 500.0;
        var fz = fy - B / 200.0;
        var x = Xn * FInverse(fx);
        var y = Yn * (L > Kappa * Epsilon ? fy * fy * fy : L / Kappa);
        var z = Zn * FInverse(fz);
        var r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
        var g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
        var b = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
        return (Encode(r), Encode(g), Encode(b));
    }

    public string ToHex()
    {
        var (r, g, b) = ToSrgb();
        return $"#{r:x2}{g:x2}{b:x2}";
    }

    /// <summary>Squared CIE76 distance: what k-means minimises.</summary>
    public float DistanceSquared(LabColor other)
    {
        float dl = L - other.L, da = A - other.A, db = B - other.B;
        return dl * dl + da * da + db * db;
    }

    /// <summary>CIEDE2000 colour difference (Sharma, Wu, Dalal 2005): about 1 is just noticeable.</summary>
    public double DeltaE2000(LabColor other)
    {
        double l1 = L, a1 = A, b1 = B, l2 = other.L, a2 = other.A, b2 = other.B;
        var c1 = Math.Sqrt(a1 * a1 + b1 * b1);
        var c2 = Math.Sqrt(a2 * a2 + b2 * b2);
        var meanC7 = Math.Pow((c1 + c2) / 2, 7);
        var g = 0.5 * (1 - Math.Sqrt(meanC7 / (meanC7 + Pow25To7)));
        var a1Prime = (1 + g) * a1;
        var a2Prime = (1 + g) * a2;
        var c1Prime = Math.Sqrt(a1Prime * a1Prime + b1 * b1);
        var c2Prime = Math.Sqrt(a2Prime * a2Prime + b2 * b2);
        var h1Prime = HueDegrees(b1, a1Prime);
        var h2Prime = HueDegrees(b2, a2Prime);

        var deltaL = l2 - l1;
        var deltaC = c2Prime - c1Prime;
        double deltaHue;
        if (c1Prime * c2Prime == 0)
        {
            deltaHue = 0;
        }
        else
        {
            deltaHue = h2Prime - h1Prime;
            if (deltaHue > 180)
            {
                deltaHue -= 360;
            }
            else if (deltaHue < -180)
            {
                deltaHue += 360;
            }
        }

        var deltaH = 2 * Math.Sqrt(c1Prime * c2Prime) * Math.Sin(Radians(deltaHue / 2));
        var meanL = (l1 + l2) / 2;
        var meanCPrime = (c1Prime + c2Prime) / 2;
        double meanH;
        if (c1Prime * c2Prime == 0)
        {
            meanH = h1Prime + h2Prime;
        }
        else if (Math.Abs(h1Prime - h2Prime) <= 180)
        {
            meanH = (h1Prime + h2Prime) / 2;
        }
        else
        {
            meanH = h1Prime + h2Prime < 360 ? (h1Prime + h2Prime + 360) / 2 : (h1Prime + h2Prime - 360) / 2;
        }

        var t = 1 - 0.17 * Math.Cos(Radians(meanH - 30)) + 0.24 * Math.Cos(Radians(2 * meanH))
            + 0.32 * Math.Cos(Radians(3 * meanH + 6)) - 0.20 * Math.Cos(Radians(4 * meanH - 63));
        var deltaTheta = 30 * Math.Exp(-Math.Pow((meanH - 275) / 25, 2));
        var meanCPrime7 = Math.Pow(meanCPrime, 7);
        var rc = 2 * Math.Sqrt(meanCPrime7 / (meanCPrime7 + Pow25To7));
        var lMinus50Squared = (meanL - 50) * (meanL - 50);
        var sl = 1 + 0.015 * lMinus50Squared / Math.Sqrt(20 + lMinus50Squared);
        var sc = 1 + 0.045 * meanCPrime;
        var sh = 1 + 0.015 * meanCPrime * t;
        var rt = -Math.Sin(Radians(2 * deltaTheta)) * rc;

        var termL = deltaL / sl;
        var termC = deltaC / sc;
        var termH = deltaH / sh;
        return Math.Sqrt(termL * termL + termC * termC + termH * termH + rt * termC * termH);
    }

    private const double Pow25To7 = 6103515625.0; // 25^7

    private static double HueDegrees(double b, double aPrime)
    {
        if (b == 0 && aPrime == 0)
        {
            return 0;
        }

        var degrees = Math.Atan2(b, aPrime) * 180 / Math.PI;
        return degrees < 0 ? degrees + 360 : degrees;
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;

    private static double F(double t) => t > Epsilon ? Math.Cbrt(t) : (Kappa * t + 16) / 116;

    private static double FInverse(double f)
    {
        var cube = f * f * f;
        return cube > Epsilon ? cube : (116 * f - 16) / Kappa;
    }

    private static byte Encode(double linear)
    {
        var clamped = Math.Clamp(linear, 0, 1);
        var encoded = clamped <= 0.0031308 ? 12.92 * clamped : 1.055 * Math.Pow(clamped, 1 / 2.4) - 0.055;
        return (byte)Math.Round(encoded * 255);
    }

    private static float[] BuildLinearLookup()
    {
        var lookup = new float[256];
        for (var i = 0; i < 256; i++)
        {
            var c = i / 255.0;
            lookup[i] = (float)(c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4));
        }

        return lookup;
    }
}
