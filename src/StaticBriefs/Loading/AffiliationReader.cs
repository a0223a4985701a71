using System.Collections.Immutable;
using StaticBriefs.Diagnostics;
using StaticBriefs.Model.Relations;
using StaticBriefs.Text;
using YamlDotNet.RepresentationModel;

namespace StaticBriefs.Loading;

/// <summary>
/// Reads a person's <c>current</c> or <c>past</c> list in <c>_data/people.yml</c>: plain company names, or entries with
/// a role and dates (<c>{company: Tesla, role: Director of AI, from: 2017-06-01, to: 2022-07-13}</c>), which become
/// dated relations.
/// </summary>
public static class AffiliationReader
{
    private static readonly string[] Keys = ["company", "role", "from", "to"];

    /// <summary>Every entry of the list; problems are reported at their place and the entry left out.</summary>
    public static ImmutableArray<Affiliation> Read(YamlNode? node, string key, string file, DiagnosticBag diagnostics)
    {
        if (node is null or YamlScalarNode { Value: null or "" }) return [];
        if (node is YamlScalarNode single) return [new Affiliation { Company = single.Value!.Trim(), At = At(single) }];
        if (node is not YamlSequenceNode list)
        {
            Error(diagnostics, file, node, DiagnosticCodes.BadData, $"'{key}' must be a list such as {key}: [First, Second], not a mapping");
            return [];
        }
        var result = ImmutableArray.CreateBuilder<Affiliation>();
        foreach (var child in list.Children)
        {
            switch (child)
            {
                case YamlScalarNode { Value: var text } when !string.IsNullOrWhiteSpace(text):
                    result.Add(new Affiliation { Company = text.Trim(), At = At(child) });
                    break;
                case YamlScalarNode:
                    break;
                case YamlMappingNode map when ReadEntry(map, key, file, diagnostics) is { } entry:
                    result.Add(entry);
                    break;
                case YamlMappingNode:
                    break;
                default:
                    Error(diagnostics, file, child, DiagnosticCodes.BadData,
                        $"each item of '{key}' must be a company name or {{company: ..., role: ..., from: ..., to: ...}}");
                    break;
            }
        }
        return result.ToImmutable();
    }

    private static Affiliation? ReadEntry(YamlMappingNode map, string key, string file, DiagnosticBag diagnostics)
    {
        var values = new Dictionary<string, YamlScalarNode>(StringComparer.Ordinal);
        var ok = true;
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var name = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!Keys.Contains(name))
            {
                var hint = KeySuggester.Closest(name, Keys);
                Error(diagnostics, file, keyNode, DiagnosticCodes.BadRelation,
                    $"unknown key '{name}' in '{key}'; " + (hint is null ? $"use {string.Join(", ", Keys)}" : $"did you mean '{hint}'?"));
                ok = false;
            }
            else if (valueNode is YamlScalarNode { Value: { Length: > 0 } } scalar) values[name] = scalar;
            else if (valueNode is not YamlScalarNode)
            {
                Error(diagnostics, file, valueNode, DiagnosticCodes.BadRelation, $"'{name}' must be a single text value");
                ok = false;
            }
        }
        if (!values.TryGetValue("company", out var company))
        {
            Error(diagnostics, file, map, DiagnosticCodes.BadRelation, $"this entry of '{key}' has no 'company'; add company: Name");
            return null;
        }
        var from = Date(values, "from", file, diagnostics, ref ok);
        var to = Date(values, "to", file, diagnostics, ref ok);
        if (to is not null && key == "current")
        {
            Error(diagnostics, file, values["to"], DiagnosticCodes.BadRelationDate,
                "a current affiliation has no end date; move the entry to 'past' or remove 'to'");
            ok = false;
        }
        if (from is { } f && to is { } t && t < f)
        {
            Error(diagnostics, file, values["to"], DiagnosticCodes.BadRelationDate,
                $"'to' ({values["to"].Value}) is before 'from' ({values["from"].Value}); swap them");
            ok = false;
        }
        return ok
            ? new Affiliation { Company = company.Value!.Trim(), Role = values.GetValueOrDefault("role")?.Value?.Trim(), From = from, To = to, At = At(map) }
            : null;
    }

    private static DateTimeOffset? Date(Dictionary<string, YamlScalarNode> values, string key, string file, DiagnosticBag diagnostics, ref bool ok)
    {
        if (!values.TryGetValue(key, out var node)) return null;
        if (DateParser.TryParse(node.Value, out var date)) return date;
        Error(diagnostics, file, node, DiagnosticCodes.BadRelationDate,
            $"'{key}: {node.Value}' is not a date; use an ISO date such as 2017-06-01");
        ok = false;
        return null;
    }

    private static SourcePosition At(YamlNode node) => new((int)Math.Max(1, node.Start.Line), (int)Math.Max(1, node.Start.Column));

    private static void Error(DiagnosticBag diagnostics, string file, YamlNode node, string code, string message)
    {
        var at = At(node);
        diagnostics.Error(file, at.Line, code, message, at.Column);
    }
}
