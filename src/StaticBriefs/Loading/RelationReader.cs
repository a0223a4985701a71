using System.Collections.Immutable;
using StaticBriefs.Diagnostics;
using StaticBriefs.Model;
using StaticBriefs.Model.Relations;
using StaticBriefs.Text;
using YamlDotNet.RepresentationModel;

namespace StaticBriefs.Loading;

/// <summary>
/// Reads a brief's <c>relations:</c> list (<c>[{subject: ..., verb: joins, object: ..., role: ..., date: ...}]</c>):
/// shapes, verbs and dates are checked here, names later against the entity data (<see cref="RelationResolver"/>).
/// </summary>
public static class RelationReader
{
    /// <summary>Keys a relation may have.</summary>
    public static readonly ImmutableArray<string> Keys = ["subject", "verb", "object", "role", "date"];

    /// <summary>At most this many relations per brief are read, so one file cannot multiply the pages.</summary>
    public const int MaxPerBrief = ContentCaps.TagsPerKind;

    /// <summary>Every well-formed relation of <paramref name="node"/>; each problem is reported at its place.</summary>
    public static ImmutableArray<RelationMention> Read(YamlNode? node, FrontMatterBlock block, string path, DiagnosticBag diagnostics)
    {
        if (node is null or YamlScalarNode { Value: null or "" or "~" }) return [];
        if (node is not YamlSequenceNode list)
        {
            Error(diagnostics, path, block, node, DiagnosticCodes.BadRelation,
                "'relations' must be a list such as relations: [{subject: Andrej Karpathy, verb: joins, object: Anthropic}]");
            return [];
        }
        var result = ImmutableArray.CreateBuilder<RelationMention>();
        foreach (var item in list.Children)
        {
            if (result.Count == MaxPerBrief)
            {
                diagnostics.Warning(path, block.FileLine(item), DiagnosticCodes.CapApplied,
                    $"a brief may hold at most {MaxPerBrief} relations; this one and the rest are ignored", block.FileColumn(item));
                break;
            }
            if (ReadOne(item, block, path, diagnostics) is { } mention) result.Add(mention);
        }
        return result.ToImmutable();
    }

    private static RelationMention? ReadOne(YamlNode item, FrontMatterBlock block, string path, DiagnosticBag diagnostics)
    {
        if (item is not YamlMappingNode map)
        {
            Error(diagnostics, path, block, item, DiagnosticCodes.BadRelation,
                "each relation must be a set of keys such as {subject: Andrej Karpathy, verb: joins, object: Anthropic}");
            return null;
        }
        var values = new Dictionary<string, YamlScalarNode>(StringComparer.Ordinal);
        var ok = true;
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!Keys.Contains(key))
            {
                var hint = KeySuggester.Closest(key, Keys);
                Error(diagnostics, path, block, keyNode, DiagnosticCodes.BadRelation,
                    $"unknown relation key '{key}'; " + (hint is null ? $"use {string.Join(", ", Keys)}" : $"did you mean '{hint}'?"));
                ok = false;
            }
            else if (valueNode is YamlScalarNode scalar && !string.IsNullOrWhiteSpace(scalar.Value))
            {
                values[key] = scalar;
            }
            else if (valueNode is not YamlScalarNode)
            {
                Error(diagnostics, path, block, valueNode, DiagnosticCodes.BadRelation, $"relation '{key}' must be a single text value");
                ok = false;
            }
        }
        foreach (var required in (string[])["subject", "verb", "object"])
        {
            if (values.ContainsKey(required)) continue;
            Error(diagnostics, path, block, map, DiagnosticCodes.BadRelation,
                $"this relation has no '{required}'; every relation needs subject, verb and object");
            ok = false;
        }
        RelationVerb? verb = null;
        if (values.TryGetValue("verb", out var verbNode))
        {
            verb = RelationVerbs.Parse(verbNode.Value!);
            if (verb is null)
            {
                var hint = KeySuggester.Closest(verbNode.Value!.Trim(), RelationVerbs.Names);
                Error(diagnostics, path, block, verbNode, DiagnosticCodes.UnknownRelationVerb,
                    $"'{verbNode.Value}' is not a relation verb; " + (hint is null
                        ? $"use one of: {string.Join(", ", RelationVerbs.Names)}"
                        : $"did you mean '{hint}'? (verbs: {string.Join(", ", RelationVerbs.Names)})"));
                ok = false;
            }
        }
        DateTimeOffset? date = null;
        if (values.TryGetValue("date", out var dateNode))
        {
            if (DateParser.TryParse(dateNode.Value, out var parsed)) date = parsed;
            else
            {
                Error(diagnostics, path, block, dateNode, DiagnosticCodes.BadRelationDate,
                    $"relation date '{dateNode.Value}' is not a date; use an ISO date such as 2026-05-19, or leave 'date' out to use the brief's");
                ok = false;
            }
        }
        if (!ok || verb is null) return null;
        return new RelationMention
        {
            Subject = Capped(values["subject"].Value!),
            Verb = verb.Value,
            Object = Capped(values["object"].Value!),
            Role = values.TryGetValue("role", out var role) ? Capped(role.Value!) : null,
            Date = date,
            At = At(block, map),
            SubjectAt = At(block, values["subject"]),
            ObjectAt = At(block, values["object"]),
        };
    }

    private static string Capped(string text)
    {
        var trimmed = new string([.. text.Trim().Where(c => !char.IsControl(c))]);
        if (trimmed.Length <= ContentCaps.TagLength) return trimmed;
        // Never cut between the two halves of a surrogate pair.
        var cut = char.IsHighSurrogate(trimmed[ContentCaps.TagLength - 1]) ? ContentCaps.TagLength - 1 : ContentCaps.TagLength;
        return trimmed[..cut].TrimEnd();
    }

    private static SourcePosition At(FrontMatterBlock block, YamlNode node) => new(block.FileLine(node), block.FileColumn(node));

    private static void Error(DiagnosticBag diagnostics, string path, FrontMatterBlock block, YamlNode node, string code, string message) =>
        diagnostics.Error(path, block.FileLine(node), code, message, block.FileColumn(node));
}
