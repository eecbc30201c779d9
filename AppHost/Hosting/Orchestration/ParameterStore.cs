using System.Security.Cryptography;
using System.Text.Json;

namespace ClosetConnect.AppHost.Hosting.Orchestration;

/// <summary>
/// Generated secrets, kept in <c>parameters.json</c> (mode 600) so the data of one run opens with the next run's
/// credentials. Values are letters and digits only: they go into connection strings and URLs unescaped.
/// </summary>
internal sealed class ParameterStore(string path)
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private const int GeneratedLength = 32;
    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };
    private readonly Lock gate = new();

    public string GetOrGenerate(string name)
    {
        lock (gate)
        {
            var values = Load();
            if (values.TryGetValue(name, out var existing) && !string.IsNullOrEmpty(existing))
            {
                return existing;
            }
            var generated = RandomNumberGenerator.GetString(Alphabet, GeneratedLength);
            values[name] = generated;
            Save(values);
            return generated;
        }
    }

    private Dictionary<string, string> Load() =>
        File.Exists(path)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? []
            : [];

    private void Save(Dictionary<string, string> values) =>
        OwnerOnlyFile.WriteAllText(path, JsonSerializer.Serialize(values, IndentedJson));
}
