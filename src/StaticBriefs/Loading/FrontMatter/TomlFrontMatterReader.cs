using System.Collections.Immutable;
using System.Globalization;
using StaticBriefs.Diagnostics;
using StaticBriefs.Loading.Yaml;
using Tomlyn;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace StaticBriefs.Loading.FrontMatter;

/// <summary>
/// Reads TOML front matter (between <c>+++</c> fences, as Zola and Hugo write it) with Tomlyn's syntax tree, which
/// keeps every key's and value's place. Tables (<c>[extra]</c>), arrays of tables (<c>[[extra.see_also]]</c>) and
/// dotted keys become nested mappings and lists; TOML's native dates keep their text as written.
/// </summary>
internal static class TomlFrontMatterReader
{
    /// <summary>The mapping; null after reporting why the text cannot be read.</summary>
    public static FrontMatterMap? Read(string toml, string path, int firstLine, DiagnosticBag diagnostics)
    {
        DocumentSyntax document;
        try
        {
            document = SyntaxParser.Parse(toml, new TomlSerializerOptions { MaxDepth = YamlLimits.MaxDepth }, path, false);
        }
        catch (TomlException ex)
        {
            // Tomlyn's own depth guard: nesting past the limit StaticBriefs sets for every dialect.
            diagnostics.Error(path, firstLine + Math.Max(1, ex.Line ?? 1) - 1, DiagnosticCodes.YamlLimit,
                $"lists and tables are nested more than {YamlLimits.MaxDepth} deep; flatten the structure", Math.Max(1, ex.Column ?? 1));
            return null;
        }
        var errors = document.Diagnostics.Where(d => d.Kind == DiagnosticMessageKind.Error).ToList();
        if (errors.Count > 0)
        {
            // The first error is the one to fix; later ones often follow from it.
            var first = errors[0];
            diagnostics.Error(path, firstLine + first.Span.Start.Line, DiagnosticCodes.BadYaml,
                $"front matter is not valid TOML ({first.Message.TrimEnd('.')}); TOML writes key = \"value\", strings in quotes, lists as [\"a\", \"b\"]",
                first.Span.Start.Column + 1);
            return null;
        }
        var builder = new Builder(path, firstLine, diagnostics);
        return builder.Build(document);
    }

    private sealed class Builder(string path, int firstLine, DiagnosticBag diagnostics)
    {
        private bool _failed;

        /// <summary>A table being filled: keys in order, and which of them may still be extended by a later header.</summary>
        private sealed class Table(int line, int column)
        {
            public List<(string Key, int Line, int Column, object Value)> Entries { get; } = [];
            public Dictionary<string, int> Index { get; } = new(StringComparer.Ordinal);
            public int Line { get; } = line;
            public int Column { get; } = column;
        }

        /// <summary>An array of tables (<c>[[x]]</c>), which later headers append to.</summary>
        private sealed class TableArray(int line, int column)
        {
            public List<Table> Items { get; } = [];
            public int Line { get; } = line;
            public int Column { get; } = column;
        }

        public FrontMatterMap? Build(DocumentSyntax document)
        {
            var root = new Table(firstLine, 1);
            foreach (var keyValue in document.KeyValues) Add(root, keyValue);
            foreach (var table in document.Tables)
            {
                if (table.Name is not { } name) continue;
                var parts = Parts(name);
                var (line, column) = Place(table.Span);
                var parent = Walk(root, parts[..^1], line, column);
                if (parent is null) continue;
                var last = parts[^1];
                Table? target;
                if (table is TableArraySyntax)
                {
                    TableArray? array;
                    if (parent.Index.TryGetValue(last, out var at))
                    {
                        array = parent.Entries[at].Value as TableArray;
                        if (array is null)
                        {
                            Duplicate(last, line, column);
                            continue;
                        }
                    }
                    else
                    {
                        array = new TableArray(line, column);
                        Put(parent, last, line, column, array);
                    }
                    target = new Table(line, column);
                    array.Items.Add(target);
                }
                else
                {
                    target = Child(parent, last, line, column);
                    if (target is null) continue;
                }
                foreach (var keyValue in table.Items) Add(target, keyValue);
            }
            return _failed ? null : (FrontMatterMap)Freeze(root);
        }

        private void Add(Table table, KeyValueSyntax keyValue)
        {
            if (keyValue.Key is not { } key || keyValue.Value is not { } value) return;
            var parts = Parts(key);
            var (line, column) = Place(keyValue.Span);
            var parent = Walk(table, parts[..^1], line, column);
            if (parent is null) return;
            if (parent.Index.ContainsKey(parts[^1]))
            {
                Duplicate(parts[^1], line, column);
                return;
            }
            Put(parent, parts[^1], line, column, Value(value));
        }

        /// <summary>The table at the dotted path below <paramref name="table"/>, created as needed; the last item of an array of tables.</summary>
        private Table? Walk(Table table, string[] parts, int line, int column)
        {
            var current = table;
            foreach (var part in parts)
            {
                current = Child(current, part, line, column);
                if (current is null) return null;
            }
            return current;
        }

        private Table? Child(Table table, string key, int line, int column)
        {
            if (!table.Index.TryGetValue(key, out var at))
            {
                var created = new Table(line, column);
                Put(table, key, line, column, created);
                return created;
            }
            switch (table.Entries[at].Value)
            {
                case Table existing:
                    return existing;
                case TableArray array when array.Items.Count > 0:
                    return array.Items[^1];
                default:
                    Duplicate(key, line, column);
                    return null;
            }
        }

        private static void Put(Table table, string key, int line, int column, object value)
        {
            table.Index[key] = table.Entries.Count;
            table.Entries.Add((key, line, column, value));
        }

        private void Duplicate(string key, int line, int column)
        {
            _failed = true;
            diagnostics.Error(path, line, DiagnosticCodes.BadYaml,
                $"'{key}' is defined twice; TOML allows each key (and table) once: remove or rename one of them", column);
        }

        private object Value(ValueSyntax value)
        {
            var (line, column) = Place(value.Span);
            return value switch
            {
                StringValueSyntax text => new FrontMatterScalar(text.Value ?? "", ScalarKind.Text, line, column),
                BooleanValueSyntax boolean => new FrontMatterScalar(boolean.Value ? "true" : "false", ScalarKind.Boolean, line, column),
                IntegerValueSyntax integer => new FrontMatterScalar(integer.Value.ToString(CultureInfo.InvariantCulture), ScalarKind.Integer, line, column),
                FloatValueSyntax number => new FrontMatterScalar(number.Token?.Text ?? number.Value.ToString(CultureInfo.InvariantCulture), ScalarKind.Float, line, column),
                DateTimeValueSyntax date => new FrontMatterScalar(date.Token?.Text ?? "", ScalarKind.DateTime, line, column),
                ArraySyntax array => new FrontMatterList([.. array.Items.Select(item => item.Value).OfType<ValueSyntax>().Select(v => (FrontMatterValue)Value(v))], line, column),
                InlineTableSyntax inline => Inline(inline, line, column),
                _ => new FrontMatterScalar("", ScalarKind.Null, line, column),
            };
        }

        private FrontMatterValue Inline(InlineTableSyntax inline, int line, int column)
        {
            var table = new Table(line, column);
            foreach (var item in inline.Items)
            {
                if (item.KeyValue is { } keyValue) Add(table, keyValue);
            }
            return Freeze(table);
        }

        private static FrontMatterValue Freeze(object value) => value switch
        {
            Table table => new FrontMatterMap(
                [.. table.Entries.Select(e => new FrontMatterEntry(e.Key, e.Line, e.Column, Freeze(e.Value)))], table.Line, table.Column),
            TableArray array => new FrontMatterList([.. array.Items.Select(Freeze)], array.Line, array.Column),
            _ => (FrontMatterValue)value,
        };

        private (int Line, int Column) Place(SourceSpan span) => (firstLine + span.Start.Line, span.Start.Column + 1);

        private static string[] Parts(KeySyntax key) =>
            [Part(key.Key), .. key.DotKeys.Select(dotted => Part(dotted.Key))];

        private static string Part(BareKeyOrStringValueSyntax? part) => part switch
        {
            BareKeySyntax bare => bare.Key?.Text ?? "",
            StringValueSyntax quoted => quoted.Value ?? "",
            _ => "",
        };
    }
}
