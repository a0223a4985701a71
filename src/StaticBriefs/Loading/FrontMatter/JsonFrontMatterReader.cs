using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using StaticBriefs.Diagnostics;
using StaticBriefs.Loading.Yaml;

namespace StaticBriefs.Loading.FrontMatter;

/// <summary>
/// Reads JSON front matter: an object at the very start of the file, as Hugo accepts it, or between
/// <c>---json</c> and <c>---</c> fences, as Eleventy does. Keys and values keep their line and column.
/// </summary>
internal static class JsonFrontMatterReader
{
    private static readonly JsonReaderOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = YamlLimits.MaxDepth,
    };

    /// <summary>
    /// Reads the object that starts <paramref name="json"/> (file line <paramref name="firstLine"/>); <paramref name="length"/>
    /// is how many characters it took, so the caller knows where the body starts. Null after reporting.
    /// </summary>
    public static FrontMatterMap? Read(string json, string path, int firstLine, DiagnosticBag diagnostics, out int length)
    {
        length = 0;
        var bytes = Encoding.UTF8.GetBytes(json);
        var places = new Places(bytes, firstLine);
        var reader = new Utf8JsonReader(bytes, isFinalBlock: true, new JsonReaderState(Options));
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                diagnostics.Error(path, firstLine, DiagnosticCodes.BadYaml, "JSON front matter must be one object: { \"title\": \"...\", \"date\": \"2024-05-14\" }", 1);
                return null;
            }
            var map = (FrontMatterMap)Value(ref reader, places, path, diagnostics);
            length = Encoding.UTF8.GetCharCount(bytes, 0, (int)reader.BytesConsumed);
            return map;
        }
        catch (JsonException ex)
        {
            var line = firstLine + (int)(ex.LineNumber ?? 0);
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            var deep = ex.Message.Contains("depth", StringComparison.OrdinalIgnoreCase);
            diagnostics.Error(path, line, deep ? DiagnosticCodes.YamlLimit : DiagnosticCodes.BadYaml,
                deep
                    ? $"lists and objects are nested more than {YamlLimits.MaxDepth} deep; flatten the structure"
                    : $"front matter is not valid JSON ({Reason(ex.Message)}); keys and text values need double quotes, and items are separated by commas",
                column);
            return null;
        }
    }

    private static FrontMatterValue Value(ref Utf8JsonReader reader, Places places, string path, DiagnosticBag diagnostics)
    {
        var (line, column) = places.At(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var entries = new List<FrontMatterEntry>();
                var index = new Dictionary<string, int>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var (keyLine, keyColumn) = places.At(reader.TokenStartIndex);
                    var key = reader.GetString() ?? "";
                    reader.Read();
                    var entry = new FrontMatterEntry(key, keyLine, keyColumn, Value(ref reader, places, path, diagnostics));
                    if (index.TryGetValue(key, out var earlier))
                    {
                        diagnostics.Warning(path, keyLine, DiagnosticCodes.DuplicateKey,
                            $"'{key}' is written twice (also on line {entries[earlier].Line}); the last value is used, as Hugo does: remove one of them", keyColumn);
                        entries[earlier] = entry;
                    }
                    else
                    {
                        index[key] = entries.Count;
                        entries.Add(entry);
                    }
                }
                return new FrontMatterMap([.. entries], line, column);
            case JsonTokenType.StartArray:
                var items = ImmutableArray.CreateBuilder<FrontMatterValue>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) items.Add(Value(ref reader, places, path, diagnostics));
                return new FrontMatterList(items.ToImmutable(), line, column);
            case JsonTokenType.String:
                return new FrontMatterScalar(reader.GetString() ?? "", ScalarKind.Text, line, column);
            case JsonTokenType.Number:
                var number = Encoding.UTF8.GetString(reader.ValueSpan);
                return new FrontMatterScalar(number, number.AsSpan().IndexOfAny(".eE") >= 0 ? ScalarKind.Float : ScalarKind.Integer, line, column);
            case JsonTokenType.True:
                return new FrontMatterScalar("true", ScalarKind.Boolean, line, column);
            case JsonTokenType.False:
                return new FrontMatterScalar("false", ScalarKind.Boolean, line, column);
            default:
                return new FrontMatterScalar("", ScalarKind.Null, line, column);
        }
    }

    /// <summary>"'x' is invalid after a value. Expected either ',', '}', or ']'. LineNumber: 2 | BytePositionInLine: 3." without the position.</summary>
    private static string Reason(string message)
    {
        var at = message.IndexOf(" LineNumber", StringComparison.Ordinal);
        return (at > 0 ? message[..at] : message).Trim().TrimEnd('.');
    }

    /// <summary>Turns byte offsets into file lines and 1-based columns (in characters).</summary>
    private sealed class Places(byte[] bytes, int start)
    {
        private readonly int _start = start;
        private int _offset;
        private int _line = start;
        private int _lineStart;

        public (int Line, int Column) At(long offset)
        {
            // Tokens come in order, so one forward pass over the bytes serves every look-up.
            if (offset < _offset)
            {
                (_offset, _line, _lineStart) = (0, _start, 0);
            }
            for (; _offset < offset && _offset < bytes.Length; _offset++)
            {
                if (bytes[_offset] == (byte)'\n')
                {
                    _line++;
                    _lineStart = _offset + 1;
                }
            }
            var column = Encoding.UTF8.GetCharCount(bytes, _lineStart, (int)Math.Min(offset, bytes.Length) - _lineStart) + 1;
            return (_line, column);
        }
    }
}
