namespace ClosetConnect.Vision.Inference;

/// <summary>Shape of one photo's logits: [classes, height, width] (the model's output is a quarter of its input size).</summary>
public readonly record struct LogitsShape(int Classes, int Height, int Width)
{
    public int PlaneLength => Height * Width;

    public int Length => Classes * Height * Width;
}
