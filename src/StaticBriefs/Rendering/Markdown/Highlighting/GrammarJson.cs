using System.Text.Json;
using TextMateSharp.Grammars;
using TextMateSharp.Internal.Grammars.Parser;
using TextMateSharp.Internal.Types;

namespace StaticBriefs.Rendering.Markdown.Highlighting;

/// <summary>
/// Reads a TextMate grammar's JSON straight into the dictionaries TextMateSharp compiles: an object becomes a
/// <see cref="Raw"/>, an array a list, a string itself; numbers, booleans and nulls are left out, with their keys,
/// as the package's own reader leaves them out. That reader parses the JSON into a tree of its own first and then
/// copies the tree into those dictionaries: for the OpenTelemetry blog's languages 33 MiB and about 80 ms on one thread
/// (C++ alone 10 MiB), most of loading a grammar. The same dictionaries either way (a test compares every grammar of the
/// package).
/// </summary>
internal static class GrammarJson
{
    private const string ResourcePrefix = "TextMateSharp.Grammars.Resources.Grammars.";

    private static readonly JsonReaderOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 };

    /// <summary>
    /// The package's grammar for <paramref name="scope"/>, read from its embedded JSON; null when the package has no
    /// grammar for it or its file is not where the package's definitions say (then the package reads it itself).
    /// </summary>
    public static IRawGrammar? FromPackage(IReadOnlyDictionary<string, string> resources, string scope) =>
        resources.TryGetValue(scope, out var resource) ? FromResource(typeof(RegistryOptions).Assembly, resource) : null;

    /// <summary>The grammar in a JSON file embedded in <paramref name="assembly"/>, or null when there is none or <see cref="Read"/> gives none.</summary>
    public static Raw? FromResource(System.Reflection.Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name);
        if (stream is null) return null;
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return Read(bytes);
    }

    /// <summary>
    /// The embedded JSON file of each of the package's grammars written in JSON (a few are XML plists), by scope name:
    /// the file its definition names, in the definition's folder, or else the only embedded file of that name (a folder
    /// need not be named as its definition: markdown's is "markdownbasics").
    /// </summary>
    public static Dictionary<string, string> Resources(RegistryOptions package)
    {
        var embedded = typeof(RegistryOptions).Assembly.GetManifestResourceNames();
        var resources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var definition in package.GetAvailableGrammarDefinitions())
        {
            foreach (var grammar in definition.Contributes?.Grammars ?? [])
            {
                if (grammar.ScopeName is not { } scope || grammar.Path is not { } path || resources.ContainsKey(scope)
                    || !path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) continue;
                var file = "." + path.TrimStart('.', '/').Replace('/', '.');
                var named = ResourcePrefix + definition.Name + file;
                var matches = embedded.Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(file, StringComparison.Ordinal)).ToList();
                if (matches.Contains(named)) resources[scope] = named;
                else if (matches.Count == 1) resources[scope] = matches[0];
            }
        }
        return resources;
    }

    /// <summary>
    /// The grammar in <paramref name="json"/>, or null when its top level is not an object or the JSON is more than this
    /// reader takes (nested deeper than 256, malformed): then the package's own reader has its say.
    /// </summary>
    public static Raw? Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, Options);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            return ReadObject(ref reader);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Raw ReadObject(ref Utf8JsonReader reader)
    {
        var raw = new Raw();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            if (ReadValue(ref reader) is { } value) raw[key] = value;
        }
        return raw;
    }

    private static List<object> ReadArray(ref Utf8JsonReader reader)
    {
        var list = new List<object>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (ReadValue(ref reader) is { } value) list.Add(value);
        }
        return list;
    }

    /// <summary>The value the reader is on (its whole object or array), or null for what the package leaves out.</summary>
    private static object? ReadValue(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartObject => ReadObject(ref reader),
        JsonTokenType.StartArray => ReadArray(ref reader),
        JsonTokenType.String => reader.GetString(),
        _ => null,
    };
}
