using System.Collections.Immutable;
using System.Globalization;
using StaticBriefs.Diagnostics;
using StaticBriefs.Loading.Yaml;
using StaticBriefs.Model;
using StaticBriefs.Text;
using YamlDotNet.RepresentationModel;

namespace StaticBriefs.Loading;

/// <summary>Turns one markdown file's text into a typed <see cref="SourceDocument"/>, reporting every front matter problem.</summary>
public static class DocumentLoader
{
    /// <summary>Front matter keys StaticBriefs reads itself; other keys go to <see cref="SourceDocument.Extra"/>.</summary>
    public static readonly ImmutableArray<string> KnownKeys =
    [
        "title", "date", "summary", "companies", "people", "topics", "author", "sources",
        "slug", "draft", "updated", "layout", "nav",
    ];

    /// <summary>Loads a document; returns null when it has errors that make it unusable (all are reported).</summary>
    public static SourceDocument? Load(string text, string relativePath, DiagnosticBag diagnostics)
    {
        var block = FrontMatterSplitter.Split(text, relativePath, diagnostics);
        if (block is null) return null;
        var reader = new Reader(block, relativePath, diagnostics);
        return reader.Read();
    }

    private sealed class Reader(FrontMatterBlock block, string path, DiagnosticBag diagnostics)
    {
        private bool _failed;

        public SourceDocument? Read()
        {
            var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            var keys = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            var extra = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
            foreach (var (keyNode, valueNode) in block.Mapping.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? "";
                keys[key] = keyNode;
                if (KnownKeys.Contains(key))
                {
                    values[key] = valueNode;
                    continue;
                }
                extra[key] = YamlNodes.ToPlain(valueNode);
                var suggestion = KeySuggester.Closest(key, KnownKeys);
                if (suggestion is not null)
                {
                    diagnostics.Warning(path, block.FileLine(keyNode), DiagnosticCodes.UnknownKey,
                        $"unknown key '{key}': did you mean '{suggestion}'? (unknown keys are kept for templates as page.extra.{key})",
                        block.FileColumn(keyNode));
                }
            }

            var layout = String(values, "layout");
            var kind = layout is "page" ? DocumentKind.Page : DocumentKind.Brief;
            if (layout is not null and not "page" and not "brief")
                Fail(values["layout"], DiagnosticCodes.WrongType, $"layout '{layout}' is not known; use 'brief' (the default) or 'page'");

            var title = Capped(values, "title", ContentCaps.TitleLength);
            if (!values.ContainsKey("title"))
                Fail(1, 0, DiagnosticCodes.MissingKey, "missing 'title'; add a line such as 'title: \"What happened\"' to the front matter");
            else if (title is not null && string.IsNullOrWhiteSpace(title))
                Fail(keys["title"], DiagnosticCodes.MissingKey, "'title' is empty; give the document a title");

            var date = Date(values, "date");
            if (kind == DocumentKind.Brief && !values.ContainsKey("date"))
                Fail(1, 0, DiagnosticCodes.MissingKey, "missing 'date'; add a line such as 'date: 2024-05-14' (ISO date or date-time)");

            var slug = Slug(values);

            var sources = Items(values, "sources");
            var document = new SourceDocument
            {
                RelativePath = path,
                Kind = kind,
                Title = title ?? "",
                Date = date,
                Updated = Date(values, "updated"),
                Summary = Capped(values, "summary", ContentCaps.SummaryLength),
                Author = Capped(values, "author", ContentCaps.AuthorLength),
                Slug = slug,
                SlugLine = keys.TryGetValue("slug", out var slugKey) || keys.TryGetValue("title", out slugKey) ? block.FileLine(slugKey) : 1,
                SlugColumn = keys.TryGetValue("slug", out slugKey) || keys.TryGetValue("title", out slugKey) ? block.FileColumn(slugKey) : 0,
                Draft = Bool(values, "draft"),
                Nav = Int(values, "nav"),
                Companies = Tags(values, "companies"),
                People = Tags(values, "people"),
                Topics = Tags(values, "topics"),
                Sources = [.. sources.Select(item => item.Value)],
                SourceLines = [.. sources.Select(item => item.Line)],
                SourceColumns = [.. sources.Select(item => item.Column)],
                Extra = extra.ToImmutable(),
                Body = block.Body,
                BodyFirstLine = block.BodyFirstLine,
            };
            return _failed ? null : document;
        }

        /// <summary>
        /// Text without control characters other than tab and newlines: YAML's "\0" or "\e" escapes put them in
        /// reach, and HTML cannot carry them (a NUL makes a page invalid; an escape can rewrite a terminal).
        /// </summary>
        private string? Clean(string? text, YamlNode? node)
        {
            if (text is null || !text.AsSpan().ContainsAny(Forbidden)) return text;
            if (node is not null)
            {
                var first = text.First(IsForbidden);
                diagnostics.Warning(path, block.FileLine(node), DiagnosticCodes.ControlCharacter,
                    $"this value contains the control character U+{(int)first:X4}, which pages cannot show; it was removed", block.FileColumn(node));
            }
            return new string([.. text.Where(c => !IsForbidden(c))]);
        }

        private static bool IsForbidden(char c) => Forbidden.Contains(c);

        /// <summary>C0 and C1 controls and DEL, but tab and line breaks.</summary>
        private static readonly System.Buffers.SearchValues<char> Forbidden = System.Buffers.SearchValues.Create(
            [.. Enumerable.Range(0, 0xA0).Select(i => (char)i).Where(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'))]);

        private void Warn(YamlNode node, string message) =>
            diagnostics.Warning(path, block.FileLine(node), DiagnosticCodes.CapApplied, message, block.FileColumn(node));

        /// <summary>A text value cut to <paramref name="max"/> characters (with a warning): it is repeated on every page listing the brief.</summary>
        private string? Capped(Dictionary<string, YamlNode> values, string key, int max)
        {
            var text = String(values, key);
            if (text is null || text.Length <= max) return text;
            Warn(values[key], $"'{key}' is {text.Length:N0} characters; only the first {max:N0} are used (it is repeated on every page that lists the brief)");
            return Cut(text, max);
        }

        private static string Cut(string text, int max) =>
            char.IsHighSurrogate(text[max - 1]) ? text[..(max - 1)] : text[..max];

        private string? Slug(Dictionary<string, YamlNode> values)
        {
            var slug = String(values, "slug");
            if (slug is not null && !Text.Slugger.IsValidSlug(slug))
            {
                Fail(values["slug"], DiagnosticCodes.WrongType,
                    $"slug '{slug}' must be lower-case letters, digits and '-' only (for example '{Text.Slugger.Slugify(slug)}')");
                return slug;
            }
            if (slug is not null && slug.Length > Text.Slugger.MaxLength)
            {
                var shortened = Text.Slugger.Shorten(slug);
                Warn(values["slug"], $"slug is {slug.Length} characters; it is cut to '{shortened}' (at most {Text.Slugger.MaxLength})");
                return shortened;
            }
            if (slug is null)
            {
                // The slug will come from the file name: say so when that is cut too (the name has no line).
                Text.Slugger.Slugify(Path.GetFileNameWithoutExtension(path), out var cut);
                if (cut)
                {
                    diagnostics.Warning(path, 0, DiagnosticCodes.CapApplied,
                        $"the file name makes a slug longer than {Text.Slugger.MaxLength} characters; it is cut (add a shorter 'slug:' to choose it)");
                }
            }
            return slug;
        }

        private void Fail(int line, int column, string code, string message)
        {
            _failed = true;
            diagnostics.Error(path, line, code, message, column);
        }

        private void Fail(YamlNode node, string code, string message) => Fail(block.FileLine(node), block.FileColumn(node), code, message);

        private string? String(Dictionary<string, YamlNode> values, string key)
        {
            if (!values.TryGetValue(key, out var node)) return null;
            if (node is YamlScalarNode scalar) return Clean(scalar.Value, scalar);
            Fail(node, DiagnosticCodes.WrongType,
                $"'{key}' must be a single text value, not a {Describe(node)}; write it on one line as {key}: \"...\"");
            return null;
        }

        private DateTimeOffset? Date(Dictionary<string, YamlNode> values, string key)
        {
            var text = String(values, key);
            if (text is null) return null;
            if (DateParser.TryParse(text, out var date)) return date;
            Fail(values[key], DiagnosticCodes.BadDate,
                $"'{key}: {text}' is not a date; use an ISO date such as 2024-05-14 or 2024-05-14T09:30:00+02:00");
            return null;
        }

        private bool Bool(Dictionary<string, YamlNode> values, string key)
        {
            var text = String(values, key);
            if (text is null) return false;
            if (text is "true" or "True" or "yes") return true;
            if (text is "false" or "False" or "no") return false;
            Fail(values[key], DiagnosticCodes.WrongType, $"'{key}' must be true or false, not '{text}'");
            return false;
        }

        private int? Int(Dictionary<string, YamlNode> values, string key)
        {
            var text = String(values, key);
            if (text is null) return null;
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)) return number;
            Fail(values[key], DiagnosticCodes.WrongType, $"'{key}' must be a whole number, not '{text}'");
            return null;
        }

        private List<(string Value, int Line, int Column)> Items(Dictionary<string, YamlNode> values, string key)
        {
            var items = new List<(string, int, int)>();
            if (!values.TryGetValue(key, out var node)) return items;
            switch (node)
            {
                case YamlScalarNode { Value: null or "" }:
                    break;
                case YamlScalarNode scalar:
                    // "companies: OpenAI" is a common slip for a one-item list; accept it as one.
                    items.Add((Clean(scalar.Value, scalar)!, block.FileLine(scalar), block.FileColumn(scalar)));
                    break;
                case YamlSequenceNode sequence:
                    foreach (var child in sequence.Children)
                    {
                        if (child is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(Clean(value, null)))
                            items.Add((Clean(value, child)!.Trim(), block.FileLine(child), block.FileColumn(child)));
                        else
                            Fail(child, DiagnosticCodes.WrongType,
                                $"each item of '{key}' must be a plain name, not a {Describe(child)}");
                    }
                    break;
                default:
                    Fail(node, DiagnosticCodes.WrongType,
                        $"'{key}' must be a list such as {key}: [First, Second], not a {Describe(node)}");
                    break;
            }
            return items;
        }

        /// <summary>Tags, capped: at most <see cref="ContentCaps.TagsPerKind"/>, each at most <see cref="ContentCaps.TagLength"/> characters.</summary>
        private ImmutableArray<TagMention> Tags(Dictionary<string, YamlNode> values, string key)
        {
            var items = Items(values, key);
            var tags = ImmutableArray.CreateBuilder<TagMention>(Math.Min(items.Count, ContentCaps.TagsPerKind));
            foreach (var (value, line, column) in items.Take(ContentCaps.TagsPerKind))
            {
                var name = value;
                if (name.Length > ContentCaps.TagLength)
                {
                    diagnostics.Warning(path, line, DiagnosticCodes.CapApplied,
                        $"this name in '{key}' is {name.Length:N0} characters; only the first {ContentCaps.TagLength} are used", column);
                    name = Cut(name, ContentCaps.TagLength).TrimEnd();
                }
                tags.Add(new TagMention(name, line, column));
            }
            if (items.Count > ContentCaps.TagsPerKind)
            {
                var (_, line, column) = items[ContentCaps.TagsPerKind];
                diagnostics.Warning(path, line, DiagnosticCodes.CapApplied,
                    $"'{key}' names {items.Count:N0} entries; only the first {ContentCaps.TagsPerKind} are used (each one makes a page), so this one and the rest are ignored", column);
            }
            else if (items.Count > ContentCaps.ChipsPerCard && values.TryGetValue(key, out var node))
            {
                diagnostics.Warning(path, block.FileLine(node), DiagnosticCodes.CapApplied,
                    $"'{key}' names {items.Count} entries; cards in listings show the first {ContentCaps.ChipsPerCard} (the brief's own page shows them all)",
                    block.FileColumn(node));
            }
            return tags.ToImmutable();
        }

        private static string Describe(YamlNode node) => node switch
        {
            YamlSequenceNode => "list",
            YamlMappingNode => "set of key: value pairs",
            _ => "value",
        };
    }
}
