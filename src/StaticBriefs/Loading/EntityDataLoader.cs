using System.Collections.Immutable;
using StaticBriefs.Diagnostics;
using StaticBriefs.Loading.Yaml;
using StaticBriefs.Model;
using StaticBriefs.Text;
using YamlDotNet.RepresentationModel;

namespace StaticBriefs.Loading;

/// <summary>Reads <c>_data/companies.yml</c>, <c>people.yml</c> and <c>topics.yml</c> when they exist.</summary>
public static class EntityDataLoader
{
    private static readonly string[] KnownKeys = ["name", "aliases", "description", "website", "current", "past"];

    /// <summary>Loads every entity definition, reporting malformed entries with their line.</summary>
    /// <param name="inputDirectory">The input folder.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="texts">Gets each file's text as read (a cached build keeps them to rebuild this load later).</param>
    public static ImmutableArray<EntityDefinition> Load(string inputDirectory, DiagnosticBag diagnostics, ICollection<(string Path, string Text)>? texts = null)
    {
        var result = ImmutableArray.CreateBuilder<EntityDefinition>();
        foreach (var kind in TaxonomyKinds.All)
        {
            var relative = $"_data/{kind.Key()}.yml";
            if (InputFile.ReadText(inputDirectory, relative, diagnostics) is not { } text) continue;
            texts?.Add((relative, text));
            result.AddRange(LoadFile(text, relative, kind, diagnostics));
        }
        return result.ToImmutable();
    }

    /// <summary>The definitions <see cref="Load"/> gives for files read as <paramref name="texts"/>.</summary>
    public static ImmutableArray<EntityDefinition> FromTexts(IEnumerable<(string Path, string Text)> texts, DiagnosticBag diagnostics)
    {
        var byPath = texts.ToDictionary(t => t.Path, t => t.Text, StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<EntityDefinition>();
        foreach (var kind in TaxonomyKinds.All)
        {
            var relative = $"_data/{kind.Key()}.yml";
            if (byPath.TryGetValue(relative, out var text)) result.AddRange(LoadFile(text, relative, kind, diagnostics));
        }
        return result.ToImmutable();
    }

    /// <summary>Parses one data file's text.</summary>
    public static IEnumerable<EntityDefinition> LoadFile(string text, string relative, TaxonomyKind kind, DiagnosticBag diagnostics)
    {
        if (!YamlReader.TryLoad(text, relative, 1, DiagnosticCodes.BadData, "file is", diagnostics, out var root)) return [];
        if (root is null) return [];
        if (root is not YamlSequenceNode list)
        {
            diagnostics.Error(relative, 1, DiagnosticCodes.BadData,
                $"must be a list of entries, each starting with '- name: ...'");
            return [];
        }
        var entries = new List<EntityDefinition>();
        foreach (var item in list.Children)
        {
            var (line, column) = Position(item);
            if (item is not YamlMappingNode map)
            {
                diagnostics.Error(relative, line, DiagnosticCodes.BadData, "each entry must be a set of keys such as 'name:' and 'aliases:'", column);
                continue;
            }
            var entry = new Entry(relative, diagnostics);
            foreach (var (keyNode, valueNode) in map.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? "";
                entry.Values[key] = valueNode;
                if (!KnownKeys.Contains(key))
                {
                    var hint = KeySuggester.Closest(key, KnownKeys);
                    var (keyLine, keyColumn) = Position(keyNode);
                    diagnostics.Warning(relative, keyLine, DiagnosticCodes.UnknownKey,
                        hint is null ? $"unknown key '{key}' is ignored" : $"unknown key '{key}': did you mean '{hint}'?", keyColumn);
                }
            }
            var name = entry.Scalar("name");
            if (string.IsNullOrWhiteSpace(name))
            {
                diagnostics.Error(relative, line, DiagnosticCodes.BadData, "entry has no 'name'; add 'name: ...'", column);
                continue;
            }
            var current = AffiliationReader.Read(entry.Values.GetValueOrDefault("current"), "current", relative, diagnostics);
            var past = AffiliationReader.Read(entry.Values.GetValueOrDefault("past"), "past", relative, diagnostics);
            entries.Add(new EntityDefinition
            {
                Kind = kind,
                Name = name.Trim(),
                Aliases = entry.List("aliases"),
                Description = entry.Scalar("description"),
                Website = entry.Url("website"),
                Current = [.. current.Select(a => a.Company)],
                Past = [.. past.Select(a => a.Company)],
                Affiliations = current.AddRange(past),
                File = relative,
                Line = line,
                Column = column,
                AliasPositions = entry.Positions("aliases"),
            });
        }
        return entries;
    }

    private static (int Line, int Column) Position(YamlNode node) => ((int)Math.Max(1, node.Start.Line), (int)Math.Max(1, node.Start.Column));

    /// <summary>One entry's values, read with a diagnostic for every value of the wrong shape.</summary>
    private sealed class Entry(string relative, DiagnosticBag diagnostics)
    {
        public Dictionary<string, YamlNode> Values { get; } = new(StringComparer.Ordinal);

        public string? Scalar(string key)
        {
            if (!Values.TryGetValue(key, out var node)) return null;
            if (node is YamlScalarNode scalar) return scalar.Value;
            var (line, column) = Position(node);
            diagnostics.Error(relative, line, DiagnosticCodes.BadData, $"'{key}' must be a single text value, not a list or mapping", column);
            return null;
        }

        /// <summary>A URL value; one <see cref="UrlPolicy"/> refuses is dropped with a warning at its place.</summary>
        public string? Url(string key)
        {
            var value = Scalar(key);
            if (value is null || UrlPolicy.IsAllowed(value)) return value;
            var (line, column) = Position(Values[key]);
            diagnostics.Warning(relative, line, DiagnosticCodes.UnsafeUrl,
                $"{key} '{value}' was removed: only http(s), mailto and relative URLs may be links; use an http(s) address", column);
            return null;
        }

        private readonly Dictionary<string, List<(string Value, int Line, int Column)>> _items = new(StringComparer.Ordinal);

        public ImmutableArray<string> List(string key) => [.. Items(key).Select(item => item.Value)];

        public ImmutableArray<(int Line, int Column)> Positions(string key) => [.. Items(key).Select(item => (item.Line, item.Column))];

        /// <summary>Read once per key, so its problems are reported once however often it is asked for.</summary>
        private List<(string Value, int Line, int Column)> Items(string key)
        {
            if (!_items.TryGetValue(key, out var items)) _items[key] = items = [.. ReadItems(key)];
            return items;
        }

        private IEnumerable<(string Value, int Line, int Column)> ReadItems(string key)
        {
            if (!Values.TryGetValue(key, out var node)) yield break;
            switch (node)
            {
                case YamlScalarNode { Value: { Length: > 0 } value }:
                    var (line, column) = Position(node);
                    yield return (value, line, column);
                    break;
                case YamlScalarNode:
                    break;
                case YamlSequenceNode sequence:
                    foreach (var child in sequence.Children)
                    {
                        var (itemLine, itemColumn) = Position(child);
                        if (child is YamlScalarNode { Value: var text })
                        {
                            if (!string.IsNullOrWhiteSpace(text)) yield return (text, itemLine, itemColumn);
                        }
                        else
                        {
                            diagnostics.Error(relative, itemLine, DiagnosticCodes.BadData, $"each item of '{key}' must be a plain name, not a list or mapping", itemColumn);
                        }
                    }
                    break;
                default:
                    var (mapLine, mapColumn) = Position(node);
                    diagnostics.Error(relative, mapLine, DiagnosticCodes.BadData, $"'{key}' must be a list such as {key}: [First, Second], not a mapping", mapColumn);
                    break;
            }
        }
    }
}
