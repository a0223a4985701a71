using System.Collections.Immutable;
using StaticBriefs.Diagnostics;
using StaticBriefs.Model;
using StaticBriefs.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StaticBriefs.Loading;

/// <summary>Reads <c>_data/companies.yml</c>, <c>people.yml</c> and <c>topics.yml</c> when they exist.</summary>
public static class EntityDataLoader
{
    private static readonly string[] KnownKeys = ["name", "aliases", "description", "website", "current", "past"];

    /// <summary>Loads every entity definition, reporting malformed entries with their line.</summary>
    public static ImmutableArray<EntityDefinition> Load(string inputDirectory, DiagnosticBag diagnostics)
    {
        var result = ImmutableArray.CreateBuilder<EntityDefinition>();
        foreach (var kind in TaxonomyKinds.All)
        {
            var relative = $"_data/{kind.Key()}.yml";
            if (InputFile.ReadText(inputDirectory, relative, diagnostics) is not { } text) continue;
            result.AddRange(LoadFile(text, relative, kind, diagnostics));
        }
        return result.ToImmutable();
    }

    /// <summary>Parses one data file's text.</summary>
    public static IEnumerable<EntityDefinition> LoadFile(string text, string relative, TaxonomyKind kind, DiagnosticBag diagnostics)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            diagnostics.Error(relative, (int)ex.Start.Line, DiagnosticCodes.BadData,
                $"not valid YAML ({ex.InnerException?.Message ?? ex.Message}); check quoting and indentation");
            return [];
        }
        if (stream.Documents.Count == 0) return [];
        if (stream.Documents[0].RootNode is not YamlSequenceNode list)
        {
            diagnostics.Error(relative, 1, DiagnosticCodes.BadData,
                $"must be a list of entries, each starting with '- name: ...'");
            return [];
        }
        var entries = new List<EntityDefinition>();
        foreach (var item in list.Children)
        {
            var line = (int)item.Start.Line;
            if (item is not YamlMappingNode map)
            {
                diagnostics.Error(relative, line, DiagnosticCodes.BadData, "each entry must be a set of keys such as 'name:' and 'aliases:'");
                continue;
            }
            var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (keyNode, valueNode) in map.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? "";
                values[key] = valueNode;
                if (!KnownKeys.Contains(key))
                {
                    var hint = KeySuggester.Closest(key, KnownKeys);
                    diagnostics.Warning(relative, (int)keyNode.Start.Line, DiagnosticCodes.UnknownKey,
                        hint is null ? $"unknown key '{key}' is ignored" : $"unknown key '{key}': did you mean '{hint}'?");
                }
            }
            var name = Scalar(values, "name");
            if (string.IsNullOrWhiteSpace(name))
            {
                diagnostics.Error(relative, line, DiagnosticCodes.BadData, "entry has no 'name'; add 'name: ...'");
                continue;
            }
            entries.Add(new EntityDefinition
            {
                Kind = kind,
                Name = name.Trim(),
                Aliases = List(values, "aliases"),
                Description = Scalar(values, "description"),
                Website = Scalar(values, "website"),
                Current = List(values, "current"),
                Past = List(values, "past"),
                File = relative,
                Line = line,
            });
        }
        return entries;
    }

    private static string? Scalar(Dictionary<string, YamlNode> values, string key) =>
        values.TryGetValue(key, out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

    private static ImmutableArray<string> List(Dictionary<string, YamlNode> values, string key)
    {
        if (!values.TryGetValue(key, out var node)) return [];
        return node switch
        {
            YamlSequenceNode seq => [.. seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").Where(s => s.Length > 0)],
            YamlScalarNode { Value: { Length: > 0 } v } => [v],
            _ => [],
        };
    }
}
