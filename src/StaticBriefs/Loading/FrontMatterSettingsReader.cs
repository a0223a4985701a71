using System.Collections.Immutable;
using StaticBriefs.Diagnostics;
using StaticBriefs.Model;
using StaticBriefs.Text;
using YamlDotNet.RepresentationModel;

namespace StaticBriefs.Loading;

/// <summary>
/// The <c>_site.yml</c> settings for reading other generators' front matter:
/// <c>title_key: newstitle</c> (or a list), <c>taxonomies: { authors: people, sig: topics, tags: none }</c> and
/// <c>ignore_terms: [blog]</c>.
/// </summary>
internal static class FrontMatterSettingsReader
{
    /// <summary>The setting names.</summary>
    public static readonly string[] Keys = ["title_key", "taxonomies", "ignore_terms"];

    private static readonly string[] Kinds = ["companies", "people", "topics", "none"];

    /// <summary>The settings with <paramref name="key"/> applied; problems are reported and leave the settings as they were.</summary>
    public static FrontMatterSettings Read(string key, YamlNode value, FrontMatterSettings settings, string file, DiagnosticBag diagnostics) => key switch
    {
        "title_key" => Names(value, key, file, diagnostics) is { } names ? settings with { TitleKeys = names } : settings,
        "ignore_terms" => Names(value, key, file, diagnostics) is { } terms ? settings with { IgnoredTerms = terms } : settings,
        _ => Taxonomies(value, settings, file, diagnostics),
    };

    private static ImmutableArray<string>? Names(YamlNode value, string key, string file, DiagnosticBag diagnostics)
    {
        switch (value)
        {
            case YamlScalarNode { Value: { } one }:
                return one.Trim().Length == 0 ? [] : [one.Trim()];
            case YamlSequenceNode list when list.Children.All(c => c is YamlScalarNode { Value.Length: > 0 }):
                return [.. list.Children.Cast<YamlScalarNode>().Select(c => c.Value!.Trim())];
            default:
                Bad(value, file, $"'{key}' must be a name or a list of names, e.g. {key}: [first, second]", diagnostics);
                return null;
        }
    }

    private static FrontMatterSettings Taxonomies(YamlNode value, FrontMatterSettings settings, string file, DiagnosticBag diagnostics)
    {
        if (value is not YamlMappingNode map)
        {
            Bad(value, file, "'taxonomies' must map front matter keys to companies, people, topics or none, e.g. taxonomies: { authors: people, tags: topics }", diagnostics);
            return settings;
        }
        var taxonomies = settings.Taxonomies.ToBuilder();
        foreach (var (keyNode, kindNode) in map.Children)
        {
            var frontMatterKey = (keyNode as YamlScalarNode)?.Value ?? "";
            var kind = (kindNode as YamlScalarNode)?.Value ?? "";
            if (!Kinds.Contains(kind))
            {
                var hint = KeySuggester.Closest(kind, Kinds);
                Bad(kindNode, file, $"'taxonomies.{frontMatterKey}: {kind}' must be companies, people, topics or none" + (hint is null ? "" : $" (did you mean '{hint}'?)"), diagnostics);
                continue;
            }
            taxonomies[frontMatterKey] = kind switch
            {
                "companies" => TaxonomyKind.Companies,
                "people" => TaxonomyKind.People,
                "topics" => TaxonomyKind.Topics,
                _ => null,
            };
        }
        return settings with { Taxonomies = taxonomies.ToImmutable() };
    }

    private static void Bad(YamlNode node, string file, string message, DiagnosticBag diagnostics) =>
        diagnostics.Error(file, (int)Math.Max(1, node.Start.Line), DiagnosticCodes.BadSettings, message, (int)Math.Max(1, node.Start.Column));
}
