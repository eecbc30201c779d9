using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace ClosetConnect.Vision.Analysis;

/// <summary>
/// Points the <c>onnxruntime</c> P/Invokes of Microsoft.ML.OnnxRuntime at a library in a chosen folder
/// (<c>Vision:NativeLibraryPath</c>), e.g. a CUDA build of ONNX Runtime: the GPU package is not on our NuGet feed.
/// A resolver can be set once per process and only takes effect before ONNX Runtime is first used.
/// </summary>
internal static class OnnxRuntimeNativeLibrary
{
    private const string LibraryName = "onnxruntime";
    private static readonly Lock Gate = new();
    private static string? s_libraryPath;

    public static string FileName =>
        OperatingSystem.IsWindows() ? "onnxruntime.dll" : OperatingSystem.IsMacOS() ? "libonnxruntime.dylib" : "libonnxruntime.so";

    /// <exception cref="ModelUnavailableException">The folder holds no ONNX Runtime library, or another one is already in use.</exception>
    public static void UseFolder(string folder)
    {
        var libraryPath = Path.Combine(Path.GetFullPath(folder), FileName);
        if (!File.Exists(libraryPath))
        {
            throw new ModelUnavailableException(
                $"Vision:NativeLibraryPath is '{folder}', but '{libraryPath}' does not exist.");
        }

        lock (Gate)
        {
            if (s_libraryPath == libraryPath)
            {
                return;
            }

            if (s_libraryPath is not null)
            {
                throw new ModelUnavailableException(
                    $"ONNX Runtime is already loaded from '{s_libraryPath}'; '{libraryPath}' needs a restart.");
            }

            try
            {
                NativeLibrary.SetDllImportResolver(typeof(InferenceSession).Assembly, Resolve);
            }
            catch (InvalidOperationException ex)
            {
                throw new ModelUnavailableException(
                    $"Vision:NativeLibraryPath '{folder}' cannot be used: another native library resolver is already set for ONNX Runtime.", ex);
            }

            s_libraryPath = libraryPath;
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == LibraryName && s_libraryPath is { } path ? NativeLibrary.Load(path) : IntPtr.Zero;
}
