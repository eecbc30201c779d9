using ClosetConnect.Vision.Imaging;
using ClosetConnect.Vision.Inference;


namespace ClosetConnect.Vision.UnitTests;

public sealed class LabelMapUpsamplerTests
{
    /// <summary>The boundary-only shortcut gives exactly what upsampling every class and taking the argmax gives.</summary>
    [TestCase(32, 32, 128, 128)]
    [TestCase(32, 32, 300, 700)]
    [TestCase(24, 40, 97, 61)]
    [TestCase(16, 16, 16, 16)]
    public void Labels_equal_full_bilinear_upsampling_then_argmax(int logitsHeight, int logitsWidth, int width, int height)
    {
        var shape = new LogitsShape(ModelContract.ClassCount, logitsHeight, logitsWidth);
        var logits = BlockyLogits(shape, new Random(11));
        var labels = new byte[width * height];
        var counts = new int[ModelContract.ClassCount];

        LabelMapUpsampler.Upsample(logits, shape, width, height, labels, counts);

        var expected = ReferenceUpsample(logits, shape, width, height);
        Assert.That(labels, Is.EqualTo(expected));
        Assert.That(counts.Sum(), Is.EqualTo(width * height));
        for (var c = 0; c < counts.Length; c++)
        {
            Assert.That(counts[c], Is.EqualTo(expected.Count(label => label == c)));
        }
    }

    /// <summary>PyTorch align_corners=False: source = (i + 0.5)·in/out − 0.5, clamped at 0; the last index repeats at the edge.</summary>
    [Test]
    public void Source_index_follows_pytorch_half_pixel_mapping()
    {
        Assert.That(LabelMapUpsampler.SourceIndex(0, 128, 512), Is.EqualTo((0, 1, 0f)));
        Assert.That(LabelMapUpsampler.SourceIndex(2, 128, 512), Is.EqualTo((0, 1, 0.125f)));
        Assert.That(LabelMapUpsampler.SourceIndex(5, 128, 512), Is.EqualTo((0, 1, 0.875f)));
        Assert.That(LabelMapUpsampler.SourceIndex(6, 128, 512), Is.EqualTo((1, 2, 0.125f)));
        Assert.That(LabelMapUpsampler.SourceIndex(511, 128, 512), Is.EqualTo((127, 127, 0.375f)));
    }

    /// <summary>Random logits in blocks of 4×4 cells: real class maps have regions, and the shortcut is tested on both kinds of pixel.</summary>
    private static float[] BlockyLogits(LogitsShape shape, Random random)
    {
        var logits = new float[shape.Length];
        for (var y = 0; y < shape.Height; y++)
        {
            for (var x = 0; x < shape.Width; x++)
            {
                var winner = (y / 4 * 7 + x / 4 * 3) % shape.Classes;
                for (var c = 0; c < shape.Classes; c++)
                {
                    logits[c * shape.PlaneLength + y * shape.Width + x] = (float)random.NextDouble() + (c == winner ? 2f : 0f);
                }
            }
        }

        return logits;
    }

    private static byte[] ReferenceUpsample(float[] logits, LogitsShape shape, int width, int height)
    {
        var labels = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            var (y0, y1, ly) = LabelMapUpsampler.SourceIndex(y, shape.Height, height);
            for (var x = 0; x < width; x++)
            {
                var (x0, x1, lx) = LabelMapUpsampler.SourceIndex(x, shape.Width, width);
                var best = float.NegativeInfinity;
                for (var c = 0; c < shape.Classes; c++)
                {
                    float At(int row, int column) => logits[c * shape.PlaneLength + row * shape.Width + column];
                    var value = (1 - ly) * ((1 - lx) * At(y0, x0) + lx * At(y0, x1)) + ly * ((1 - lx) * At(y1, x0) + lx * At(y1, x1));
                    if (value > best)
                    {
                        best = value;
                        labels[y * width + x] = (byte)c;
                    }
                }
            }
        }

        return labels;
    }
}
