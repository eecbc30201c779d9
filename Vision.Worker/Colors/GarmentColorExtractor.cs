using System.Buffers;
using ClosetConnect.Vision.Analysis;
using ClosetConnect.Vision.Imaging;
using SkiaSharp;

namespace ClosetConnect.Vision.Colors;

/// <summary>
/// The dominant colours of a garment: k-means in CIELAB over a deterministic sample of the garment's own pixels
/// (background never counts), near-identical clusters merged, slivers dropped, largest share first.
/// </summary>
public static class GarmentColorExtractor
{
    /// <summary>Pixels sampled per photo: plenty for five colours, and k-means stays around a millisecond.</summary>
    public const int MaxSamples = 4096;

    /// <summary>Clusters closer than this (CIEDE2000) are one colour to a person.</summary>
    public const double MergeDistance = 6.0;

    /// <summary>Colours covering less of the garment are edge pixels or print details, not the garment's colour.</summary>
    public const double MinimumShare = 0.03;

    private const int Seed = 20_251_122;
    private const int MaxIterations = 24;

    /// <param name="labels">Class index per pixel, as <see cref="LabelMapUpsampler"/> writes it.</param>
    /// <param name="isMember">Which classes are the garment; empty means every pixel (a photo without a garment).</param>
    public static IReadOnlyList<GarmentColor> Extract(SKBitmap photo, ReadOnlySpan<byte> labels, ReadOnlySpan<bool> isMember, int maxColors)
    {
        ArgumentNullException.ThrowIfNull(photo);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxColors, 1);

        var region = new GarmentRegion(labels, photo.Width, photo.Height, isMember, InsetFor(photo.Width, photo.Height));
        var eligible = region.Count();
        if (eligible < MinimumInteriorPixels && region.Inset > 0)
        {
            // A thin garment (a belt) may have no interior: its edge pixels are all there is.
            region = new GarmentRegion(labels, photo.Width, photo.Height, isMember, 0);
            eligible = region.Count();
        }

        if (eligible == 0)
        {
            return [];
        }

        var rented = ArrayPool<LabColor>.Shared.Rent(Math.Min(eligible, MaxSamples));
        try
        {
            var random = new Random(Seed);
            var samples = rented.AsSpan(0, Sample(photo, region, eligible, random, rented));
            return Cluster(samples, Math.Min(maxColors, samples.Length), maxColors, random);
        }
        finally
        {
            ArrayPool<LabColor>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Pixels this close to the garment's edge are left out: they mix garment and background, and the mask is
    /// upsampled from a quarter of the photo's resolution, so its edge is uncertain by a few pixels.
    /// </summary>
    internal static int InsetFor(int width, int height) => Math.Max(2, Math.Max(width, height) / 256);

    private const int MinimumInteriorPixels = 64;

    /// <summary>Every stride-th eligible pixel with a random jitter, so a regular print cannot alias with the stride.</summary>
    private static int Sample(SKBitmap photo, GarmentRegion region, int eligible, Random random, LabColor[] samples)
    {
        var stride = Math.Max(1.0, (double)eligible / MaxSamples);
        var nextPick = stride > 1 ? random.NextDouble() * stride : 0;
        var seen = 0;
        var count = 0;
        // SKBitmap's size properties are native calls: read them once, not per pixel.
        var (width, height, rowBytes) = (photo.Width, photo.Height, photo.RowBytes);
        var pixels = photo.GetPixelSpan();
        for (var y = 0; y < height && count < samples.Length; y++)
        {
            var row = pixels.Slice(y * rowBytes, width * 4);
            for (var x = 0; x < width; x++)
            {
                if (!region.Contains(x, y) || seen++ < (int)nextPick)
                {
                    continue;
                }

                var p = x * 4;
                samples[count++] = LabColor.FromSrgb(row[p], row[p + 1], row[p + 2]);
                if (count == samples.Length)
                {
                    break;
                }

                nextPick += stride > 1 ? stride * (0.5 + random.NextDouble()) : 1;
            }
        }

        return count;
    }

    private static IReadOnlyList<GarmentColor> Cluster(ReadOnlySpan<LabColor> samples, int k, int maxColors, Random random)
    {
        Span<LabColor> centroids = stackalloc LabColor[k];
        Span<int> counts = stackalloc int[k];
        SeedCentroids(samples, centroids, random);

        var rentedAssignment = ArrayPool<byte>.Shared.Rent(samples.Length);
        try
        {
            var assignment = rentedAssignment.AsSpan(0, samples.Length);
            assignment.Fill(byte.MaxValue);
            Span<double> sums = stackalloc double[3 * k];
            for (var iteration = 0; iteration < MaxIterations; iteration++)
            {
                var changed = false;
                for (var i = 0; i < samples.Length; i++)
                {
                    var nearest = (byte)Nearest(samples[i], centroids);
                    changed |= nearest != assignment[i];
                    assignment[i] = nearest;
                }

                if (!changed)
                {
                    break;
                }

                sums.Clear();
                counts.Clear();
                for (var i = 0; i < samples.Length; i++)
                {
                    var cluster = assignment[i];
                    sums[3 * cluster] += samples[i].L;
                    sums[3 * cluster + 1] += samples[i].A;
                    sums[3 * cluster + 2] += samples[i].B;
                    counts[cluster]++;
                }

                for (var c = 0; c < k; c++)
                {
                    if (counts[c] > 0)
                    {
                        centroids[c] = new LabColor((float)(sums[3 * c] / counts[c]), (float)(sums[3 * c + 1] / counts[c]), (float)(sums[3 * c + 2] / counts[c]));
                    }
                }
            }

            counts.Clear();
            foreach (var cluster in assignment)
            {
                counts[cluster]++;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rentedAssignment);
        }

        return Summarise(centroids, counts, samples.Length, maxColors);
    }

    /// <summary>k-means++: each next seed drawn with probability proportional to its squared distance from the seeds so far.</summary>
    private static void SeedCentroids(ReadOnlySpan<LabColor> samples, Span<LabColor> centroids, Random random)
    {
        centroids[0] = samples[random.Next(samples.Length)];
        var rentedDistances = ArrayPool<float>.Shared.Rent(samples.Length);
        try
        {
            var distances = rentedDistances.AsSpan(0, samples.Length);
            for (var i = 0; i < samples.Length; i++)
            {
                distances[i] = samples[i].DistanceSquared(centroids[0]);
            }

            for (var c = 1; c < centroids.Length; c++)
            {
                double total = 0;
                foreach (var distance in distances)
                {
                    total += distance;
                }

                var pick = 0;
                if (total > 0)
                {
                    var target = random.NextDouble() * total;
                    for (; pick < distances.Length - 1 && (target -= distances[pick]) > 0; pick++)
                    {
                    }
                }

                centroids[c] = samples[pick];
                for (var i = 0; i < samples.Length; i++)
                {
                    distances[i] = Math.Min(distances[i], samples[i].DistanceSquared(centroids[c]));
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rentedDistances);
        }
    }

    private static int Nearest(LabColor color, ReadOnlySpan<LabColor> centroids)
    {
        var best = 0;
        var bestDistance = float.MaxValue;
        for (var c = 0; c < centroids.Length; c++)
        {
            var distance = color.DistanceSquared(centroids[c]);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = c;
            }
        }

        return best;
    }

    private static List<GarmentColor> Summarise(ReadOnlySpan<LabColor> centroids, ReadOnlySpan<int> counts, int total, int maxColors)
    {
        var clusters = new List<(LabColor Color, int Count)>(centroids.Length);
        for (var c = 0; c < centroids.Length; c++)
        {
            if (counts[c] > 0)
            {
                clusters.Add((centroids[c], counts[c]));
            }
        }

        MergeLookalikes(clusters);
        clusters.Sort(static (x, y) => y.Count.CompareTo(x.Count));

        var colors = new List<GarmentColor>(Math.Min(maxColors, clusters.Count));
        foreach (var (color, count) in clusters)
        {
            var share = (double)count / total;
            if (colors.Count == maxColors || (share < MinimumShare && colors.Count > 0))
            {
                break;
            }

            // Two shades far apart in Lab can still share a name; people filter by name, so list each name once.
            var name = ColorNamePalette.NameOf(color);
            var same = colors.FindIndex(c => c.Name == name);
            if (same >= 0)
            {
                colors[same] = colors[same] with { Share = Math.Round(colors[same].Share + share, 3) };
                continue;
            }

            colors.Add(new GarmentColor(color.ToHex(), name, Math.Round(share, 3)));
        }

        colors.Sort(static (x, y) => y.Share.CompareTo(x.Share));
        return colors;
    }

    private static void MergeLookalikes(List<(LabColor Color, int Count)> clusters)
    {
        for (var merged = true; merged;)
        {
            merged = false;
            for (var i = 0; i < clusters.Count && !merged; i++)
            {
                for (var j = i + 1; j < clusters.Count && !merged; j++)
                {
                    if (clusters[i].Color.DeltaE2000(clusters[j].Color) >= MergeDistance)
                    {
                        continue;
                    }

                    var (a, countA) = clusters[i];
                    var (b, countB) = clusters[j];
                    var sum = countA + countB;
                    var mergedColor = new LabColor(
                        (a.L * countA + b.L * countB) / sum, (a.A * countA + b.A * countB) / sum, (a.B * countA + b.B * countB) / sum);
                    clusters[i] = (mergedColor, sum);
                    clusters.RemoveAt(j);
                    merged = true;
                }
            }
        }
    }

    /// <summary>The garment's pixels at least <see cref="Inset"/> pixels inside its edge (every pixel when there is no garment).</summary>
    private readonly ref struct GarmentRegion(ReadOnlySpan<byte> labels, int width, int height, ReadOnlySpan<bool> isMember, int inset)
    {
        private readonly ReadOnlySpan<byte> _labels = labels;
        private readonly ReadOnlySpan<bool> _isMember = isMember;

        public int Inset { get; } = inset;

        public bool Contains(int x, int y)
        {
            if (_isMember.IsEmpty)
            {
                return true;
            }

            var offset = y * width + x;
            if (!_isMember[_labels[offset]])
            {
                return false;
            }

            if (Inset == 0)
            {
                return true;
            }

            // A cross-shaped probe is enough to keep away from edges, and costs four lookups.
            return x >= Inset && x < width - Inset && y >= Inset && y < height - Inset
                && _isMember[_labels[offset - Inset]] && _isMember[_labels[offset + Inset]]
                && _isMember[_labels[offset - Inset * width]] && _isMember[_labels[offset + Inset * width]];
        }

        public int Count()
        {
            var count = 0;
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    count += Contains(x, y) ? 1 : 0;
                }
            }

            return count;
        }
    }
}
