using System.Buffers;
using StaticBriefs.Diagnostics;
using StaticBriefs.Model;

namespace StaticBriefs.Loading.FrontMatter;

/// <summary>
/// Typed access to one document's front matter, for the readers of each convention: text, true/false, numbers and
/// lists, each problem reported at its place. Remembers which keys were read, so the rest can be kept for templates
/// and the lists nobody reads reported. Keys may be dotted (<c>cover.image</c>) to reach into a mapping.
/// </summary>
internal sealed class FrontMatterFields(FrontMatterMap map, string path, DiagnosticBag diagnostics)
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    /// <summary>The document's path, for diagnostics.</summary>
    public string Path => path;

    /// <summary>Where problems go.</summary>
    public DiagnosticBag Diagnostics => diagnostics;

    /// <summary>Set once any error was reported through these fields: the document is not used.</summary>
    public bool Failed { get; private set; }

    /// <summary>The top-level entries, in the order written.</summary>
    public IReadOnlyList<FrontMatterEntry> Entries => map.Entries;

    /// <summary>True when <paramref name="key"/> (a top-level key or a dotted path) was read by some reader.</summary>
    public bool WasRead(string key) => _read.Contains(key);

    /// <summary>True when a key below <paramref name="key"/> was read (<c>taxonomies.tags</c> for <c>taxonomies</c>).</summary>
    public bool WasReadBelow(string key) => _read.Any(read => read.StartsWith(key + ".", StringComparison.Ordinal));

    /// <summary>The entry at <paramref name="key"/> (dotted paths reach into mappings), marked as read; null when absent.</summary>
    public FrontMatterEntry? Take(string key)
    {
        var entry = Find(key);
        if (entry is not null) _read.Add(key);
        return entry;
    }

    /// <summary>The entry at <paramref name="key"/> without marking it read.</summary>
    public FrontMatterEntry? Find(string key)
    {
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0 || map.Find(key) is not null) return map.Find(key);
        var current = map;
        var parts = key.Split('.');
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (current.Find(parts[i])?.Value is not FrontMatterMap inner) return null;
            current = inner;
        }
        return current.Find(parts[^1]);
    }

    /// <summary>The first of <paramref name="keys"/> present (and marked read), or null.</summary>
    public FrontMatterEntry? TakeFirst(params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            if (Take(key) is { } entry) return entry;
        }
        return null;
    }

    /// <summary>A single value's text (null when absent or null); a list or mapping is an error naming <paramref name="key"/>.</summary>
    public string? Text(FrontMatterEntry? entry, string? key = null)
    {
        if (entry is null) return null;
        switch (entry.Value)
        {
            case FrontMatterScalar { Kind: ScalarKind.Null }:
                return null;
            case FrontMatterScalar scalar:
                return Clean(scalar.Text, scalar);
            default:
                var name = key ?? entry.Key;
                Fail(entry.Value, DiagnosticCodes.WrongType,
                    $"'{name}' must be a single text value, not a {entry.Value.Describe()}; write it on one line as {name}: \"...\"");
                return null;
        }
    }

    /// <summary>The text of <paramref name="key"/>, marked read.</summary>
    public string? Text(string key) => Text(Take(key), key);

    /// <summary>The text of <paramref name="key"/> with its place, marked read.</summary>
    public LocatedText? Located(string key) =>
        Take(key) is { } entry && Text(entry, key) is { } text ? new LocatedText(text, entry.Value.Line, entry.Value.Column) : null;

    /// <summary>true or false; anything else is an error.</summary>
    public bool? Bool(FrontMatterEntry? entry, string key)
    {
        var text = Text(entry, key);
        if (text is null) return null;
        if (Booleans.IsTrue(text)) return true;
        if (Booleans.IsFalse(text)) return false;
        Fail(entry!.Value, DiagnosticCodes.WrongType, $"'{key}' must be true or false, not '{text}'");
        return null;
    }

    /// <summary>A whole number; anything else is an error.</summary>
    public int? Int(string key)
    {
        var entry = Take(key);
        var text = Text(entry, key);
        if (text is null) return null;
        if (int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number)) return number;
        Fail(entry!.Value, DiagnosticCodes.WrongType, $"'{key}' must be a whole number, not '{text}'");
        return null;
    }

    /// <summary>
    /// The items of a list of plain values, each with its place. One value is a one-item list ("companies: OpenAI" is a
    /// common slip); an empty value is none. A list or mapping inside the list is an error.
    /// </summary>
    public List<LocatedText> Items(FrontMatterEntry? entry, string key)
    {
        var items = new List<LocatedText>();
        if (entry is null) return items;
        switch (entry.Value)
        {
            case FrontMatterScalar { Kind: ScalarKind.Null }:
                break;
            case FrontMatterScalar scalar:
                if (Clean(scalar.Text, scalar) is { } one && one.Trim().Length > 0) items.Add(new LocatedText(one.Trim(), scalar.Line, scalar.Column));
                break;
            case FrontMatterList list:
                foreach (var item in list.Items)
                {
                    if (item is FrontMatterScalar { Kind: ScalarKind.Null }) continue;
                    if (item is FrontMatterScalar scalarItem && Clean(scalarItem.Text, scalarItem) is { } text && text.Trim().Length > 0)
                        items.Add(new LocatedText(text.Trim(), item.Line, item.Column));
                    else if (item is not FrontMatterScalar)
                        Fail(item, DiagnosticCodes.WrongType, $"each item of '{key}' must be a plain name, not a {item.Describe()}");
                }
                break;
            default:
                Fail(entry.Value, DiagnosticCodes.WrongType,
                    $"'{key}' must be a list such as {key}: [First, Second], not a {entry.Value.Describe()}");
                break;
        }
        return items;
    }

    /// <summary>Reports an error at a value's place and marks the document failed.</summary>
    public void Fail(FrontMatterValue at, string code, string message) => Fail(at.Line, at.Column, code, message);

    /// <summary>Reports an error and marks the document failed.</summary>
    public void Fail(int line, int column, string code, string message)
    {
        Failed = true;
        diagnostics.Error(path, line, code, message, column);
    }

    /// <summary>Reports a warning at a place.</summary>
    public void Warn(int line, int column, string code, string message) => diagnostics.Warning(path, line, code, message, column);

    /// <summary>
    /// Text without control characters other than tab and newlines: YAML's "\0" or "\e" escapes put them in
    /// reach, and HTML cannot carry them (a NUL makes a page invalid; an escape can rewrite a terminal).
    /// </summary>
    public string Clean(string text, FrontMatterValue? at)
    {
        if (!text.AsSpan().ContainsAny(Forbidden)) return text;
        if (at is not null)
        {
            var first = text[text.AsSpan().IndexOfAny(Forbidden)];
            diagnostics.Warning(path, at.Line, DiagnosticCodes.ControlCharacter,
                $"this value contains the control character U+{(int)first:X4}, which pages cannot show; it was removed", at.Column);
        }
        return string.Create(text.Length - Count(text), text, static (span, source) =>
        {
            var at = 0;
            foreach (var c in source)
            {
                if (!Forbidden.Contains(c)) span[at++] = c;
            }
        });
    }

    private static int Count(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (Forbidden.Contains(c)) count++;
        }
        return count;
    }

    /// <summary>C0 and C1 controls and DEL, but tab and line breaks.</summary>
    private static readonly SearchValues<char> Forbidden = SearchValues.Create(
        [.. Enumerable.Range(0, 0xA0).Select(i => (char)i).Where(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'))]);
}
