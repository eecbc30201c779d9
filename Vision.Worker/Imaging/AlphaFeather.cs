using System.Buffers;

namespace ClosetConnect.Vision.Imaging;

/// <summary>Softens a hard mask edge: a separable box blur applied twice (close to a Gaussian, linear time).</summary>
public static class AlphaFeather
{
    public static void Blur(Span<byte> alpha, int width, int height, int radius)
    {
        if (radius < 1 || width == 0 || height == 0)
        {
            return;
        }

        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(width, height));
        try
        {
            var line = rented.AsSpan(0, Math.Max(width, height));
            for (var pass = 0; pass < 2; pass++)
            {
                for (var y = 0; y < height; y++)
                {
                    BoxLine(alpha.Slice(y * width, width), 1, width, radius, line);
                }

                for (var x = 0; x < width; x++)
                {
                    BoxLine(alpha[x..], width, height, radius, line);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Running-sum box filter over <paramref name="count"/> values <paramref name="step"/> apart; edges repeat the end values.</summary>
    private static void BoxLine(Span<byte> values, int step, int count, int radius, Span<byte> scratch)
    {
        for (var i = 0; i < count; i++)
        {
            scratch[i] = values[i * step];
        }

        var window = 2 * radius + 1;
        var sum = 0;
        for (var i = -radius; i <= radius; i++)
        {
            sum += scratch[Math.Clamp(i, 0, count - 1)];
        }

        for (var i = 0; i < count; i++)
        {
            values[i * step] = (byte)((sum + window / 2) / window);
            sum += scratch[Math.Min(i + radius + 1, count - 1)] - scratch[Math.Max(i - radius, 0)];
        }
    }
}
