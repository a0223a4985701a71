using System.Collections.Immutable;
using System.Text.Json;
using StaticBriefs.Loading;

namespace StaticBriefs.Incremental;

/// <summary>
/// Reads and writes a <see cref="BuildCache"/> as JSON files. Files are replaced by rename, so a killed build leaves
/// either the old cache or the new one; any file that cannot be read is ignored and the build simply does more work.
/// </summary>
internal static class CacheStore
{
    private const string SourcesFile = "sources.json";
    // HTML is most of the cache: without relaxed escaping every '<' would take six bytes. The file is never served.
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed record SourcesData(
        string Generator, Dictionary<string, DocumentEntry> Documents, Dictionary<string, MarkdownEntry> Markdown);

    private sealed record ManifestData(string Generator, string OutputDirectory, OutputManifest Manifest);

    public static void Load(BuildCache cache, string directory)
    {
        var data = Read<SourcesData>(Path.Combine(directory, SourcesFile));
        if (data is null || data.Generator != GeneratorKey.Value) return;
        foreach (var (path, entry) in data.Documents)
        {
            var document = entry.Document with { Extra = entry.Document.Extra.ToImmutableDictionary(p => p.Key, p => Plain(p.Value), StringComparer.Ordinal) };
            cache.Documents[path] = entry with { Document = document };
        }
        foreach (var (key, entry) in data.Markdown) cache.Markdown[key] = entry;
    }

    public static void Save(BuildCache cache, string directory) =>
        Write(Path.Combine(directory, SourcesFile), new SourcesData(GeneratorKey.Value,
            new Dictionary<string, DocumentEntry>(cache.Documents, StringComparer.Ordinal),
            new Dictionary<string, MarkdownEntry>(cache.Markdown, StringComparer.Ordinal)));

    public static OutputManifest? LoadManifest(string directory, string outputDirectory)
    {
        var data = Read<ManifestData>(ManifestPath(directory, outputDirectory));
        return data is not null && data.Generator == GeneratorKey.Value && data.OutputDirectory == outputDirectory ? data.Manifest : null;
    }

    public static void SaveManifest(string directory, string outputDirectory, OutputManifest manifest) =>
        Write(ManifestPath(directory, outputDirectory), new ManifestData(GeneratorKey.Value, outputDirectory, manifest));

    public static void DeleteManifest(string directory, string outputDirectory)
    {
        var path = ManifestPath(directory, outputDirectory);
        if (File.Exists(path)) File.Delete(path);
    }

    private static string ManifestPath(string directory, string outputDirectory) =>
        Path.Combine(directory, "output-" + ContentHash.Of(outputDirectory)[..16] + ".json");

    private static T? Read<T>(string path) where T : class
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<T>(stream, Json);
        }
        catch (Exception ex) when (ex is JsonException or IOException or NotSupportedException or InvalidOperationException)
        {
            // A cache from another version or a half-written file: start over rather than fail the build.
            return null;
        }
    }

    private static void Write<T>(string path, T value)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        using (var stream = File.Create(temp)) JsonSerializer.Serialize(stream, value, Json);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Front matter extras come back as JSON elements; turn them into the same plain values the YAML loader makes.</summary>
    private static object? Plain(object? value) => value is JsonElement element ? Plain(element) : value;

    private static object? Plain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => element.EnumerateArray().Select(Plain).ToList(),
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value), StringComparer.Ordinal),
        JsonValueKind.Number => element.GetRawText(),
        _ => null,
    };
}
