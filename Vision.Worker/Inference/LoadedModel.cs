using Microsoft.ML.OnnxRuntime;

namespace ClosetConnect.Vision.Inference;

/// <summary>An ONNX Runtime session over a model that passed the contract check, and where it runs.</summary>
internal sealed record LoadedModel(InferenceSession Session, string ModelPath, string ExecutionProvider, string ModelVersion) : IDisposable
{
    public void Dispose() => Session.Dispose();
}
