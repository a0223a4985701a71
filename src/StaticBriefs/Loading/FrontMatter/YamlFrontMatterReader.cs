using System.Collections.Immutable;
using System.Text.RegularExpressions;
using StaticBriefs.Diagnostics;
using StaticBriefs.Loading.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace StaticBriefs.Loading.FrontMatter;

/// <summary>
/// Reads YAML front matter (between <c>---</c> fences) into <see cref="FrontMatterValue"/>s, through
/// <see cref="YamlReader"/>'s checked parser, so its alias and nesting limits hold. Where YamlDotNet is stricter
/// than the parsers Jekyll (Ruby's libyaml), Hugo (Go's yaml) and Eleventy (js-yaml) use, it reads what they read:
/// a key written twice keeps its last value (with a warning), and continuation lines of a quoted value or a
/// [list] that are not indented are read as the others read them (<see cref="LenientYaml"/>).
/// </summary>
internal static partial class YamlFrontMatterReader
{
    /// <summary>The mapping; null after reporting why the text cannot be read.</summary>
    public static FrontMatterMap? Read(string yaml, string path, int firstLine, DiagnosticBag diagnostics)
    {
        // Most front matter is one-line values and lists: read those directly, everything else through the parser.
        return SimpleYaml.TryRead(yaml, firstLine) ?? ReadParsed(yaml, path, firstLine, diagnostics);
    }

    /// <summary>The mapping as YamlDotNet's parser reads it (<see cref="Read"/> without its shortcut).</summary>
    internal static FrontMatterMap? ReadParsed(string yaml, string path, int firstLine, DiagnosticBag diagnostics)
    {
        var asWritten = new DiagnosticBag();
        if (TryRead(yaml, path, firstLine, null, asWritten, out var map)) return Keep(asWritten, diagnostics, map);
        // Only a syntax error can be one the other parsers accept; a limit (an alias bomb) is final.
        if (asWritten.Sorted().All(d => d.Code == DiagnosticCodes.BadYaml) && LenientYaml.Repair(yaml) is { } repair)
        {
            var repaired = new DiagnosticBag();
            if (TryRead(repair.Text, path, firstLine, repair.Shifts, repaired, out map)) return Keep(repaired, diagnostics, map);
        }
        Keep(asWritten, diagnostics, null);
        return null;
    }

    private static FrontMatterMap? Keep(DiagnosticBag from, DiagnosticBag to, FrontMatterMap? map)
    {
        foreach (var diagnostic in from.Sorted()) to.Add(diagnostic);
        return map;
    }

    private static bool TryRead(string yaml, string path, int firstLine, int[]? shifts, DiagnosticBag diagnostics, out FrontMatterMap? map)
    {
        map = null;
        if (!YamlReader.TryRead(yaml, path, firstLine, DiagnosticCodes.BadYaml, "front matter is", diagnostics,
                parser => new Builder(parser, path, firstLine, shifts, diagnostics).Document(), out var root))
            return false;
        switch (root)
        {
            case null or FrontMatterScalar { Kind: ScalarKind.Null }:
                map = new FrontMatterMap([], firstLine, 1);
                return true;
            case FrontMatterMap mapping:
                map = mapping;
                return true;
            default:
                diagnostics.Error(path, root.Line, DiagnosticCodes.BadYaml,
                    "front matter must be 'key: value' lines, such as 'title: \"What happened\"'", root.Column);
                return false;
        }
    }

    /// <summary>Builds values from parser events. Recursion is bounded: the parser stops past 32 levels.</summary>
    private sealed class Builder(IParser parser, string path, int firstLine, int[]? shifts, DiagnosticBag diagnostics)
    {
        private readonly Dictionary<string, FrontMatterValue> _anchors = new(StringComparer.Ordinal);

        public FrontMatterValue? Document()
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _)) return null;
            parser.Consume<DocumentStart>();
            var root = parser.Accept<DocumentEnd>(out _) ? null : Node();
            parser.Consume<DocumentEnd>();
            return root;
        }

        private FrontMatterValue Node()
        {
            var current = parser.Current;
            switch (current)
            {
                case Scalar scalar:
                    parser.MoveNext();
                    return Remember(scalar.Anchor, new FrontMatterScalar(scalar.Value, KindOf(scalar), Line(scalar.Start), Column(scalar.Start)));
                case AnchorAlias alias:
                    parser.MoveNext();
                    // The checked parser has already refused an alias without its anchor.
                    return _anchors[alias.Value.Value];
                case SequenceStart start:
                    parser.MoveNext();
                    var items = ImmutableArray.CreateBuilder<FrontMatterValue>();
                    while (!parser.TryConsume<SequenceEnd>(out _)) items.Add(Node());
                    return Remember(start.Anchor, new FrontMatterList(items.ToImmutable(), Line(start.Start), Column(start.Start)));
                case MappingStart start:
                    parser.MoveNext();
                    return Remember(start.Anchor, Mapping(start));
                default:
                    throw new YamlException(current?.Start ?? Mark.Empty, current?.End ?? Mark.Empty, "unexpected YAML event " + current?.GetType().Name);
            }
        }

        private FrontMatterMap Mapping(MappingStart start)
        {
            var entries = new List<FrontMatterEntry>();
            var positions = new Dictionary<string, int>(StringComparer.Ordinal);
            var merged = new List<FrontMatterEntry>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyEvent = parser.Current!;
                // Keys are text: the checked parser refuses lists and mappings as keys (an alias to text is text).
                var key = Node() is FrontMatterScalar { Text: var text } ? text : "";
                var value = Node();
                if (key == "<<" && keyEvent is Scalar { Style: ScalarStyle.Plain })
                {
                    // YAML 1.1 merge key (Ruby's and Go's YAML read it): the merged keys come after the mapping's own.
                    merged.AddRange(value is FrontMatterList list ? list.Items.OfType<FrontMatterMap>().SelectMany(m => m.Entries) : (value as FrontMatterMap)?.Entries ?? []);
                    continue;
                }
                var entry = new FrontMatterEntry(key, Line(keyEvent.Start), Column(keyEvent.Start), value);
                if (!positions.TryGetValue(key, out var earlier))
                {
                    positions[key] = entries.Count;
                    entries.Add(entry);
                    continue;
                }
                diagnostics.Warning(path, entry.Line, DiagnosticCodes.DuplicateKey,
                    $"'{key}' is written twice (also on line {entries[earlier].Line}); the last value is used, as Jekyll and Hugo do: remove one of them",
                    entry.Column);
                entries[earlier] = entry;
            }
            foreach (var entry in merged)
            {
                if (positions.TryAdd(entry.Key, entries.Count)) entries.Add(entry);
            }
            return new FrontMatterMap([.. entries], Line(start.Start), Column(start.Start));
        }

        private FrontMatterValue Remember(AnchorName anchor, FrontMatterValue value)
        {
            if (!anchor.IsEmpty) _anchors[anchor.Value] = value;
            return value;
        }

        private int Line(Mark mark) => firstLine + (int)Math.Max(1, mark.Line) - 1;

        private int Column(Mark mark)
        {
            var column = (int)Math.Max(1, mark.Column);
            var index = (int)Math.Max(1, mark.Line) - 1;
            return shifts is not null && index < shifts.Length ? Math.Max(1, column - shifts[index]) : column;
        }
    }

    /// <summary>The YAML core schema's reading of a plain scalar; anything quoted or in a block is text.</summary>
    private static ScalarKind KindOf(Scalar scalar) =>
        scalar.Style != ScalarStyle.Plain || !scalar.Tag.IsEmpty ? ScalarKind.Text : PlainKind(scalar.Value);

    /// <summary>What a plain (unquoted, untagged) scalar's text is by the core schema.</summary>
    internal static ScalarKind PlainKind(string text)
    {
        if (text is "" or "~" or "null" or "Null" or "NULL") return ScalarKind.Null;
        if (Booleans.IsTrue(text) || Booleans.IsFalse(text)) return ScalarKind.Boolean;
        if (IntegerPattern().IsMatch(text)) return ScalarKind.Integer;
        if (FloatPattern().IsMatch(text)) return ScalarKind.Float;
        if (DatePattern().IsMatch(text)) return ScalarKind.DateTime;
        return ScalarKind.Text;
    }

    [GeneratedRegex(@"^[-+]?(?:0|[1-9][0-9_]*|0x[0-9a-fA-F_]+|0o[0-7_]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^(?:[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();

    [GeneratedRegex(@"^\d{4}-\d{1,2}-\d{1,2}(?:$|[Tt ])", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();
}
