namespace StaticBriefs.Loading.FrontMatter;

/// <summary>
/// Repairs what Ruby's libyaml (Jekyll), Go's yaml (Hugo) and js-yaml (Eleventy) accept and YamlDotNet refuses:
/// continuation lines of a double-quoted value or of a [list] / {mapping} written in brackets that start further
/// left than the value itself (at column 0, typically). Leading spaces of such lines are not part of the value
/// (quoted values fold line breaks and drop that indentation), so indenting them changes nothing but YamlDotNet's
/// verdict. Lines that hold only spaces and tabs are emptied for the same reason. Used only after the text as
/// written failed to parse, and its result is parsed again, so text that parses is never touched.
/// </summary>
internal static class LenientYaml
{
    /// <summary>The repaired text and, per line (0-based), how many spaces were added at its start.</summary>
    public sealed record Result(string Text, int[] Shifts);

    /// <summary>The repaired text, or null when there was nothing to repair.</summary>
    public static Result? Repair(string yaml)
    {
        var lines = yaml.Split('\n');
        var shifts = new int[lines.Length];
        var scanner = new Scanner();
        var changed = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (scanner.OpenColumn is { } open)
            {
                var indent = 0;
                while (indent < line.Length && line[indent] == ' ') indent++;
                // A line indented past the line the value opened on is a continuation every parser reads: leave it.
                if (indent < open && indent <= scanner.OpenLineIndent && line.Trim().Length > 0 && !StartsDocumentMarker(line))
                {
                    shifts[i] = open - indent;
                    line = new string(' ', shifts[i]) + line;
                    lines[i] = line;
                    changed = true;
                }
            }
            else if (!scanner.InBlockScalar(line) && line.Length > 0 && line.Trim(' ', '\t', '\r').Length == 0)
            {
                lines[i] = line.EndsWith('\r') ? "\r" : "";
                changed |= line.Contains('\t', StringComparison.Ordinal);
                continue;
            }
            scanner.Scan(line, shifts[i]);
        }
        return changed ? new Result(string.Join('\n', lines), shifts) : null;
    }

    /// <summary>'---' or '...' at column 0 ends the document for every parser: never indent it away.</summary>
    private static bool StartsDocumentMarker(string line) =>
        (line.StartsWith("---", StringComparison.Ordinal) || line.StartsWith("...", StringComparison.Ordinal))
        && (line.Length == 3 || line[3] is ' ' or '\t' or '\r');

    /// <summary>
    /// Just enough of YAML's lexer to know, at the start of each line, whether a double-quoted value, a
    /// single-quoted value or a bracketed collection is still open (and at which column it opened), and whether the
    /// line belongs to a block scalar (<c>|</c>, <c>&gt;</c>), whose content is never looked at.
    /// </summary>
    private sealed class Scanner
    {
        private enum Open { None, Double, Single, Flow }

        private Open _open;
        private int _flowDepth;
        private int _openColumn;
        private int _lineIndent;
        private int? _blockParentIndent;

        /// <summary>The indentation of the line the open quoted value or bracket started on.</summary>
        public int OpenLineIndent { get; private set; }

        /// <summary>The column (0-based) continuation lines must reach, while a quoted value or bracket is open.</summary>
        public int? OpenColumn => _open == Open.None ? null : _openColumn;

        /// <summary>True when <paramref name="line"/> is content of a block scalar started on an earlier line.</summary>
        public bool InBlockScalar(string line)
        {
            if (_blockParentIndent is not { } parent) return false;
            var indent = 0;
            while (indent < line.Length && line[indent] == ' ') indent++;
            if (line.Trim(' ', '\t', '\r').Length == 0 || indent > parent) return true;
            _blockParentIndent = null;
            return false;
        }

        public void Scan(string line, int shift)
        {
            if (_open == Open.None && InBlockScalar(line)) return;
            var indent = 0;
            while (indent < line.Length && line[indent] == ' ') indent++;
            if (_open == Open.None) _lineIndent = indent;
            var valueStart = _open == Open.None || _open == Open.Flow;
            for (var i = _open == Open.None ? indent : 0; i < line.Length; i++)
            {
                var c = line[i];
                switch (_open)
                {
                    case Open.Double:
                        if (c == '\\') i++;
                        else if (c == '"') Close();
                        continue;
                    case Open.Single:
                        if (c == '\'' && i + 1 < line.Length && line[i + 1] == '\'') i++;
                        else if (c == '\'') Close();
                        continue;
                }
                if (c is ' ' or '\t' or '\r') continue;
                if (c == '#' && (i == 0 || line[i - 1] is ' ' or '\t')) return;
                if (valueStart && c == '"')
                {
                    OpenAt(Open.Double, i);
                    continue;
                }
                if (valueStart && c == '\'')
                {
                    OpenAt(Open.Single, i);
                    continue;
                }
                if (valueStart && c is '[' or '{' || (_open == Open.Flow && c is '[' or '{'))
                {
                    if (_flowDepth++ == 0) OpenAt(Open.Flow, i);
                    valueStart = true;
                    continue;
                }
                if (_open == Open.Flow && c is ']' or '}')
                {
                    if (--_flowDepth == 0) Close();
                    valueStart = false;
                    continue;
                }
                if (_open == Open.Flow && c == ',')
                {
                    valueStart = true;
                    continue;
                }
                if (_open == Open.None && valueStart && c is '|' or '>')
                {
                    _blockParentIndent = indent - shift;
                    return;
                }
                if (valueStart && c is '&' or '!')
                {
                    // An anchor or tag comes before the value it names.
                    while (i + 1 < line.Length && line[i + 1] is not (' ' or '\t')) i++;
                    continue;
                }
                if (c == '-' && valueStart && (i + 1 == line.Length || line[i + 1] is ' ' or '\t' or '\r'))
                    continue;
                if (c == '?' && valueStart && (i + 1 == line.Length || line[i + 1] is ' ' or '\t' or '\r'))
                    continue;
                if (c == ':' && (i + 1 == line.Length || line[i + 1] is ' ' or '\t' or '\r' || _open == Open.Flow))
                {
                    valueStart = true;
                    continue;
                }
                valueStart = false;
            }
        }

        private void OpenAt(Open kind, int column)
        {
            if (_open == Open.None) OpenLineIndent = _lineIndent;
            if (_open != Open.Flow || kind == Open.Flow) _openColumn = column;
            _open = kind;
        }

        private void Close() => _open = _flowDepth > 0 ? Open.Flow : Open.None;
    }
}
