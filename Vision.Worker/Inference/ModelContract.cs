namespace ClosetConnect.Vision.Inference;

/// <summary>
/// The I/O contract of segformer_b2_clothes and of the bundled fixture model: <c>pixel_values</c> float32
/// [N,3,512,512] (RGB, ×1/255, ImageNet mean/std) in, <c>logits</c> float32 [N,18,H/4,W/4] out.
/// </summary>
public static class ModelContract
{
    public const string InputName = "pixel_values";
    public const string OutputName = "logits";
    public const int InputSize = 512;
    public const int Channels = 3;
    public const int PlaneLength = InputSize * InputSize;

    /// <summary>Floats one photo takes in the input tensor.</summary>
    public const int InputLength = Channels * PlaneLength;

    public const int ClassCount = 18;

    public static ReadOnlySpan<float> Mean => [0.485f, 0.456f, 0.406f];

    public static ReadOnlySpan<float> Std => [0.229f, 0.224f, 0.225f];
}
