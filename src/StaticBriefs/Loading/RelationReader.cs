using System.Collections.Immutable;
using StaticBriefs.Diagnostics;
using StaticBriefs.Loading.FrontMatter;
using StaticBriefs.Model;
using StaticBriefs.Model.Relations;
using StaticBriefs.Text;

namespace StaticBriefs.Loading;

/// <summary>
/// Reads a brief's <c>relations:</c> list (<c>[{subject: ..., verb: joins, object: ..., role: ..., date: ...}]</c>) in
/// any front matter dialect: shapes, verbs and dates are checked here, names later against the entity data
/// (<see cref="RelationResolver"/>). A bad relation is reported and left out; the brief itself is still used, so
/// the names of its other relations are checked in the same run.
/// </summary>
internal static class RelationReader
{
    /// <summary>Keys a relation may have.</summary>
    public static readonly ImmutableArray<string> Keys = ["subject", "verb", "object", "role", "date"];

    /// <summary>At most this many relations per brief are read, so one file cannot multiply the pages.</summary>
    public const int MaxPerBrief = ContentCaps.TagsPerKind;

    /// <summary>Every well-formed relation of the document's <c>relations</c> key; each problem is reported at its place.</summary>
    public static ImmutableArray<RelationMention> Read(FrontMatterFields fields)
    {
        var entry = fields.Take("relations");
        if (entry is null || entry.Value is FrontMatterScalar { Kind: ScalarKind.Null } or FrontMatterScalar { Text: "" }) return [];
        if (entry.Value is not FrontMatterList list)
        {
            Error(fields, entry.Value, DiagnosticCodes.BadRelation,
                "'relations' must be a list such as relations: [{subject: Andrej Karpathy, verb: joins, object: Anthropic}]");
            return [];
        }
        var result = ImmutableArray.CreateBuilder<RelationMention>();
        foreach (var item in list.Items)
        {
            if (result.Count == MaxPerBrief)
            {
                fields.Warn(item.Line, item.Column, DiagnosticCodes.CapApplied,
                    $"a brief may hold at most {MaxPerBrief} relations; this one and the rest are ignored");
                break;
            }
            if (ReadOne(fields, item) is { } mention) result.Add(mention);
        }
        return result.ToImmutable();
    }

    private static RelationMention? ReadOne(FrontMatterFields fields, FrontMatterValue item)
    {
        if (item is not FrontMatterMap map)
        {
            Error(fields, item, DiagnosticCodes.BadRelation,
                "each relation must be a set of keys such as {subject: Andrej Karpathy, verb: joins, object: Anthropic}");
            return null;
        }
        var values = new Dictionary<string, FrontMatterScalar>(StringComparer.Ordinal);
        var ok = true;
        foreach (var entry in map.Entries)
        {
            if (!Keys.Contains(entry.Key))
            {
                var hint = KeySuggester.Closest(entry.Key, Keys);
                Error(fields, entry.Line, entry.Column, DiagnosticCodes.BadRelation,
                    $"unknown relation key '{entry.Key}'; " + (hint is null ? $"use {string.Join(", ", Keys)}" : $"did you mean '{hint}'?"));
                ok = false;
            }
            else if (entry.Value is FrontMatterScalar { Kind: not ScalarKind.Null } scalar && !string.IsNullOrWhiteSpace(scalar.Text))
            {
                values[entry.Key] = scalar;
            }
            else if (entry.Value is not FrontMatterScalar)
            {
                Error(fields, entry.Value, DiagnosticCodes.BadRelation, $"relation '{entry.Key}' must be a single text value");
                ok = false;
            }
        }
        foreach (var required in (string[])["subject", "verb", "object"])
        {
            if (values.ContainsKey(required)) continue;
            Error(fields, map, DiagnosticCodes.BadRelation,
                $"this relation has no '{required}'; every relation needs subject, verb and object");
            ok = false;
        }
        RelationVerb? verb = null;
        if (values.TryGetValue("verb", out var verbValue))
        {
            verb = RelationVerbs.Parse(verbValue.Text);
            if (verb is null)
            {
                var hint = KeySuggester.Closest(verbValue.Text.Trim(), RelationVerbs.Names);
                Error(fields, verbValue, DiagnosticCodes.UnknownRelationVerb,
                    $"'{verbValue.Text}' is not a relation verb; " + (hint is null
                        ? $"use one of: {string.Join(", ", RelationVerbs.Names)}"
                        : $"did you mean '{hint}'? (verbs: {string.Join(", ", RelationVerbs.Names)})"));
                ok = false;
            }
        }
        DateTimeOffset? date = null;
        if (values.TryGetValue("date", out var dateValue))
        {
            if (DateParser.TryParse(dateValue.Text, out var parsed)) date = parsed;
            else
            {
                Error(fields, dateValue, DiagnosticCodes.BadRelationDate,
                    $"relation date '{dateValue.Text}' is not a date; use an ISO date such as 2026-05-19, or leave 'date' out to use the brief's");
                ok = false;
            }
        }
        if (!ok || verb is null) return null;
        return new RelationMention
        {
            Subject = Capped(values["subject"].Text),
            Verb = verb.Value,
            Object = Capped(values["object"].Text),
            Role = values.TryGetValue("role", out var role) ? Capped(role.Text) : null,
            Date = date,
            At = At(map),
            SubjectAt = At(values["subject"]),
            ObjectAt = At(values["object"]),
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

    private static SourcePosition At(FrontMatterValue value) => new(value.Line, value.Column);

    private static void Error(FrontMatterFields fields, FrontMatterValue at, string code, string message) =>
        Error(fields, at.Line, at.Column, code, message);

    // Not fields.Fail: a bad relation is left out, but the brief stays in the site (see the summary).
    private static void Error(FrontMatterFields fields, int line, int column, string code, string message) =>
        fields.Diagnostics.Error(fields.Path, line, code, message, column);
}
