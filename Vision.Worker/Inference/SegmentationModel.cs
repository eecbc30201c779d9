using ClosetConnect.Vision.Analysis;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;

namespace ClosetConnect.Vision.Inference;

/// <summary>
/// The segmentation model as the worker sees it: loaded once (by <see cref="SegmentationModelLoader"/>), its
/// <see cref="State"/> read by the health check, and run by the batcher.
/// </summary>
public sealed class SegmentationModel : ISegmentationInference, IDisposable
{
    private static readonly string[] InputNames = [ModelContract.InputName];
    private static readonly string[] OutputNames = [ModelContract.OutputName];

    private readonly OnnxSessionFactory _factory;
    private readonly ILogger<SegmentationModel> _logger;
    private readonly Lock _loadGate = new();
    private readonly RunOptions _runOptions = new();
    private volatile LoadedModel? _loaded;
    private volatile ModelState _state;

    public SegmentationModel(OnnxSessionFactory factory, IOptions<VisionOptions> options, ILogger<SegmentationModel> logger)
    {
        _factory = factory;
        _logger = logger;
        _state = new ModelState(ModelStatus.Loading, OnnxSessionFactory.ResolveModelPath(options.Value.ModelPath), null, null, null);
    }

    public ModelState State => _state;

    /// <summary>Loads the model unless it already is; on failure <see cref="State"/> says why. Safe to call again to retry.</summary>
    public ModelState Load()
    {
        lock (_loadGate)
        {
            if (_loaded is not null)
            {
                return _state;
            }

            try
            {
                var loaded = _factory.Create();
                WarmUp(loaded);
                _loaded = loaded;
                _state = new ModelState(ModelStatus.Loaded, loaded.ModelPath, loaded.ExecutionProvider, loaded.ModelVersion, null);
                _logger.LogInformation("Vision model {ModelVersion} loaded from {ModelPath}, running on {ExecutionProvider}",
                    loaded.ModelVersion, loaded.ModelPath, loaded.ExecutionProvider);
            }
            catch (ModelUnavailableException ex)
            {
                _state = _state with { Status = ModelStatus.Failed, Error = ex.Message };
                _logger.LogError("Vision model unavailable: {Reason}", ex.Message);
            }

            return _state;
        }
    }

    public ILogitsBatch Run(Memory<float> pixelValues, int batchSize)
    {
        var loaded = _loaded ?? throw new ModelUnavailableException(_state.Error ?? "The segmentation model is still loading.");
        return Run(loaded, pixelValues, batchSize);
    }

    public void Dispose()
    {
        _loaded?.Dispose();
        _runOptions.Dispose();
    }

    private ILogitsBatch Run(LoadedModel loaded, Memory<float> pixelValues, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var length = batchSize * ModelContract.InputLength;
        if (pixelValues.Length < length)
        {
            throw new ArgumentException($"{batchSize} photos need {length} floats; {pixelValues.Length} were given.", nameof(pixelValues));
        }

        long[] shape = [batchSize, ModelContract.Channels, ModelContract.InputSize, ModelContract.InputSize];
        using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, pixelValues[..length], shape);
        var outputs = loaded.Session.Run(_runOptions, InputNames, [input], OutputNames);
        try
        {
            return new OrtLogitsBatch(outputs, batchSize);
        }
        catch
        {
            outputs.Dispose();
            throw;
        }
    }

    /// <summary>One run on a blank photo, so a broken provider fails here and not on the first upload, and CUDA is warm.</summary>
    private void WarmUp(LoadedModel loaded)
    {
        var input = new float[ModelContract.InputLength];
        try
        {
            using var _ = Run(loaded, input, 1);
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or ArgumentException or InvalidOperationException)
        {
            loaded.Dispose();
            throw new ModelUnavailableException($"The model file '{loaded.ModelPath}' failed a test run on {loaded.ExecutionProvider}: {ex.Message}", ex);
        }
    }

    private sealed class OrtLogitsBatch : ILogitsBatch
    {
        private readonly IDisposableReadOnlyCollection<OrtValue> _outputs;

        public OrtLogitsBatch(IDisposableReadOnlyCollection<OrtValue> outputs, int batchSize)
        {
            _outputs = outputs;
            var dimensions = outputs[0].GetTensorTypeAndShape().Shape;
            if (dimensions.Length != 4 || dimensions[0] != batchSize || dimensions[1] != ModelContract.ClassCount)
            {
                throw new InvalidOperationException(
                    $"The model returned logits of shape [{string.Join(",", dimensions)}] for {batchSize} photos; expected [{batchSize},{ModelContract.ClassCount},H,W].");
            }

            Shape = new LogitsShape((int)dimensions[1], (int)dimensions[2], (int)dimensions[3]);
        }

        public LogitsShape Shape { get; }

        public ReadOnlySpan<float> ForImage(int index) =>
            _outputs[0].GetTensorDataAsSpan<float>().Slice(index * Shape.Length, Shape.Length);

        public void Dispose() => _outputs.Dispose();
    }
}
