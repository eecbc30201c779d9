using System.Security.Cryptography;
using ClosetConnect.Vision.Analysis;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SessionOptions = Microsoft.ML.OnnxRuntime.SessionOptions;

namespace ClosetConnect.Vision.Inference;

/// <summary>
/// Opens the segmentation model with ONNX Runtime on the configured execution provider and checks that it has
/// the contract this worker feeds. Every failure becomes a <see cref="ModelUnavailableException"/> whose message
/// names the file or setting at fault.
/// </summary>
public sealed class OnnxSessionFactory(IOptions<VisionOptions> options, ILogger<OnnxSessionFactory> logger)
{
    private const string CudaProviderName = "CUDAExecutionProvider";

    public static string ResolveModelPath(string modelPath) =>
        Path.GetFullPath(Path.IsPathRooted(modelPath) ? modelPath : Path.Combine(AppContext.BaseDirectory, modelPath));

    internal LoadedModel Create()
    {
        var settings = options.Value;
        var modelPath = ResolveModelPath(settings.ModelPath);

        if (!File.Exists(modelPath))
        {
            throw new ModelUnavailableException($"The model file '{modelPath}' (Vision:ModelPath) does not exist.");
        }

        // ONNX Runtime would also print its own error line for a CUDA provider that cannot load; every failure
        // reaches us as an exception, and the one line about it is ours.
        OrtEnv.Instance().EnvLogLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL;

        InferenceSession? session = null;
        var provider = "CPU";
        if (settings.ExecutionProvider != ExecutionProviderPreference.Cpu)
        {
            session = TryCreateOnCuda(modelPath, settings, out var whyNot);
            if (session is not null)
            {
                provider = "CUDA";
            }
            else if (settings.ExecutionProvider == ExecutionProviderPreference.Cuda)
            {
                throw new ModelUnavailableException($"Vision:ExecutionProvider is Cuda, but CUDA cannot run the model: {whyNot}");
            }
            else
            {
                logger.LogWarning("CUDA is not available for the vision model, running it on CPU: {Reason}", whyNot);
            }
        }

        session ??= CreateOnCpu(modelPath, settings);
        try
        {
            CheckContract(session, modelPath);
            return new LoadedModel(session, modelPath, provider, DescribeVersion(modelPath));
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private static InferenceSession? TryCreateOnCuda(string modelPath, VisionOptions settings, out string whyNot)
    {
        try
        {
            if (!OrtEnv.Instance().GetAvailableProviders().Contains(CudaProviderName))
            {
                whyNot = "this ONNX Runtime build has no CUDA execution provider.";
                return null;
            }

            using var sessionOptions = CreateSessionOptions(settings);
            sessionOptions.AppendExecutionProvider_CUDA(settings.CudaDeviceId);
            whyNot = "";
            return new InferenceSession(modelPath, sessionOptions);
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            // Without CUDA 13 and cuDNN 9 the provider fails to load, e.g. "libcublasLt.so.13: cannot open shared object file".
            whyNot = ex.Message;
            return null;
        }
    }

    private static InferenceSession CreateOnCpu(string modelPath, VisionOptions settings)
    {
        try
        {
            using var sessionOptions = CreateSessionOptions(settings);
            return new InferenceSession(modelPath, sessionOptions);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new ModelUnavailableException($"The model file '{modelPath}' could not be loaded by ONNX Runtime: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or TypeInitializationException)
        {
            throw new ModelUnavailableException($"The ONNX Runtime native library could not be loaded: {ex.Message}", ex);
        }
    }

    private static SessionOptions CreateSessionOptions(VisionOptions settings)
    {
        var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = settings.IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };

        // Idle ORT threads spin by default, holding cores that decoding and PNG encoding of the other photos in
        // flight need (on 2 cores at batch 8 the benchmark's overhead over bare inference went from ~50 % to ~25 %).
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return sessionOptions;
    }

    /// <summary>Fails early on a model that would only produce garbage: wrong names, element type or channel counts.</summary>
    private static void CheckContract(InferenceSession session, string modelPath)
    {
        var problem = DescribeMismatch(session.InputMetadata, ModelContract.InputName, [-1, ModelContract.Channels, ModelContract.InputSize, ModelContract.InputSize])
            ?? DescribeMismatch(session.OutputMetadata, ModelContract.OutputName, [-1, ModelContract.ClassCount, -1, -1]);
        if (problem is not null)
        {
            throw new ModelUnavailableException($"The model file '{modelPath}' does not have the expected contract: {problem}");
        }
    }

    private static string? DescribeMismatch(IReadOnlyDictionary<string, NodeMetadata> nodes, string name, int[] expected)
    {
        if (!nodes.TryGetValue(name, out var node))
        {
            return $"it has no '{name}' (it has {string.Join(", ", nodes.Keys)}).";
        }

        if (!node.IsTensor || node.ElementDataType != TensorElementType.Float)
        {
            return $"'{name}' is not a float32 tensor.";
        }

        var dimensions = node.Dimensions;
        var matches = dimensions.Length == expected.Length;
        for (var i = 0; matches && i < expected.Length; i++)
        {
            // -1 is a free dimension on either side (batch, or a model exported with dynamic height/width).
            matches = expected[i] < 0 || dimensions[i] < 0 || dimensions[i] == expected[i];
        }

        return matches ? null : $"'{name}' has shape [{string.Join(",", dimensions)}], expected [{string.Join(",", expected)}] (-1 = any).";
    }

    private static string DescribeVersion(string modelPath)
    {
        using var file = File.OpenRead(modelPath);
        var hash = Convert.ToHexStringLower(SHA256.HashData(file));
        return $"{Path.GetFileNameWithoutExtension(modelPath)}@{hash[..12]}";
    }
}
