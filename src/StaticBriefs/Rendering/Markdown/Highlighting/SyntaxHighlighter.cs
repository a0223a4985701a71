using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using TextMateSharp.Grammars;

namespace StaticBriefs.Rendering.Markdown.Highlighting;

/// <summary>
/// Highlights code at build time with TextMate grammars (the ones VS Code ships): each token becomes a
/// <c>&lt;span class="..."&gt;</c> with a short class (<see cref="TokenClasses"/>) that the theme's CSS colours for
/// light and dark, so pages need no script. Thread-safe: each call borrows a <see cref="GrammarSet"/> from its language's pool (<see cref="GrammarPool"/>),
/// so the build's workers never share a grammar, and a site without code never loads one.
/// </summary>
public sealed class SyntaxHighlighter
{
    /// <summary>
    /// Lines longer than this (minified files, data dumps) are written plain: they show little, and a grammar's work
    /// grows with the square of a line's length (each token position tries every pattern to the end of the line). The
    /// worst 500-character lines found cost a few tenths of a second; ordinary lines, well under a millisecond.
    /// </summary>
    public const int MaxLineLength = 500;

    /// <summary>
    /// Time one line may take before the rest of it is written plain: a backstop only. The bounds that shape output
    /// are counts (line length, regex steps in <see cref="RegexLimits"/>), the same on every run; a time would cut a
    /// line at a different place on a busy machine (the first line in a language also pays for compiling the grammar,
    /// over 0.5 s with four threads on two cores), so it is set far above any line seen.
    /// </summary>
    private static readonly TimeSpan LineTimeLimit = TimeSpan.FromSeconds(30);

    // One pool a grammar (console sessions use the shell's; markdown without fences its own), so each is compiled once.
    private readonly ConcurrentDictionary<(string Scope, bool Fenceless), GrammarPool> _pools = new();
    private readonly LineBudget _lines = new(LineMemo.Capacity);

    // The theme is required by TextMate's registry but never used: colours come from CSS classes.
    private readonly Lazy<ParsedGrammars> _parsed = new(() => new ParsedGrammars(new RegistryOptions(ThemeName.LightPlus)), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>How many grammars this highlighter has parsed (each once, whatever the number of workers).</summary>
    internal int GrammarsParsed => _parsed.IsValueCreated ? _parsed.Value.Parses : 0;

    /// <summary>A grammar set of its own (as a worker would take from the pool), for tests.</summary>
    internal GrammarSet NewGrammarSet(bool fenceless = false) => new(_parsed.Value, _lines, fenceless);

    /// <summary>How many grammar sets this highlighter has made for <paramref name="scope"/> (for tests).</summary>
    internal int SetsMadeFor(string scope) => _pools.TryGetValue((scope, false), out var pool) ? pool.Created : 0;

    /// <summary>True when <paramref name="language"/> (a fence's first word) names a grammar this highlighter has.</summary>
    public static bool Knows(ReadOnlySpan<char> language) =>
        LanguageNames.ScopeOf(language) is { } scope && scope != LanguageNames.Plain;

    /// <summary>
    /// Appends the highlighted HTML of <paramref name="lines"/> (each followed by a line break, as Markdig writes code)
    /// to <paramref name="html"/> and returns true; returns false and appends nothing when the language is unknown
    /// or the grammar fails, so the caller writes the code plain.
    /// </summary>
    public bool TryHighlight(ReadOnlySpan<char> language, IReadOnlyList<string> lines, StringBuilder html) =>
        TryHighlight(language, lines, html, TimeSpan.FromSeconds(10));

    /// <summary>
    /// As <see cref="TryHighlight(ReadOnlySpan{char}, IReadOnlyList{string}, StringBuilder)"/>; once
    /// <paramref name="budget"/> is spent (checked between lines) the remaining lines are written plain.
    /// </summary>
    public bool TryHighlight(ReadOnlySpan<char> language, IReadOnlyList<string> lines, StringBuilder html, TimeSpan budget)
    {
        var scope = LanguageNames.ScopeOf(language);
        if (scope is null || scope == LanguageNames.Plain) return false;
        // Markdown with no fence of its own needs none of the languages its fenced blocks include: its sets load the markdown without them.
        var fenceless = scope == ParsedGrammars.Markdown && !ParsedGrammars.HasFenceLine(lines);
        var grammarScope = scope == LanguageNames.Console ? OwnGrammars.Shell : scope;
        var pool = _pools.GetOrAdd((grammarScope, fenceless), static _ => new GrammarPool(GrammarPool.DefaultGrowAfter));
        var grammars = pool.Take(() => NewGrammarSet(fenceless));
        var start = html.Length;
        try
        {
            // Rules compiled while this set is in hand compile through its own cache (this thread only, as the set is);
            // the scope ends with the try block, before the set goes back to the pool.
            using var patterns = grammars.Patterns.Enter();
            var grammar = grammars.Grammar(grammarScope);
            if (grammar is null) return false;
            var writer = new LineWriter(html, Stopwatch.StartNew(), budget, grammars.Lines, grammars.ScopeClasses);
            if (scope == LanguageNames.Console) ConsoleSession.Write(grammar, lines, writer);
            else writer.WriteAll(grammar, lines);
            return true;
        }
        catch (Exception)
        {
            // A grammar that throws on some input must not stop the build: the block is written plain instead.
            html.Length = start;
            return false;
        }
        finally
        {
            pool.Return(grammars);
        }
    }

    /// <summary>The highlighted HTML of <paramref name="code"/>, or null when the language is unknown.</summary>
    public string? Highlight(string language, string code)
    {
        var html = new StringBuilder(code.Length * 2);
        return TryHighlight(language, code.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'), html) ? html.ToString() : null;
    }

    /// <summary>Writes lines as spans, keeping the grammar's state from line to line within one run.</summary>
    internal sealed class LineWriter(StringBuilder html, Stopwatch clock, TimeSpan budget, LineMemo? memo = null, Dictionary<string, string?>? classes = null)
    {
        private IStateStack? _state;

        public void WriteAll(IGrammar grammar, IReadOnlyList<string> lines)
        {
            foreach (var line in lines)
            {
                Write(grammar, line);
                html.Append('\n');
            }
        }

        /// <summary>Forgets the state, so the next line starts at the top level of the grammar.</summary>
        public void Reset() => _state = null;

        /// <summary>Writes one line (without its line break).</summary>
        public void Write(IGrammar grammar, string line)
        {
            if (line.Length > MaxLineLength || clock.Elapsed > budget)
            {
                _state = null;
                Escape(html, line);
                return;
            }
            var state = memo?.KeyOf(_state);
            if (state is not null && memo!.TryGet(grammar, state, line, out var kept, out var after))
            {
                html.Append(kept);
                _state = after;
                return;
            }
            var lineStart = html.Length;
            var result = grammar.TokenizeLine(line, _state, LineTimeLimit);
            _state = result.RuleStack;
            var position = 0;
            string? open = null;
            foreach (var token in result.Tokens)
            {
                var start = Math.Clamp(token.StartIndex, position, line.Length);
                var end = Math.Clamp(token.EndIndex, start, line.Length);
                if (end == start) continue;
                var text = line.AsSpan(start, end - start);
                var name = TokenClasses.For(token.Scopes, text, classes);
                // Neighbouring tokens of one class share a span; spaces between them do not end it.
                if (!string.Equals(name, open, StringComparison.Ordinal) && !(open is not null && text.IsWhiteSpace()))
                {
                    if (open is not null) html.Append("</span>");
                    if (name is not null) html.Append("<span class=\"").Append(name).Append("\">");
                    open = name;
                }
                Escape(html, text);
                position = end;
            }
            if (open is not null) html.Append("</span>");
            // A line the grammar gave up on (time limit) is finished plain, and not kept: another time it may not give up.
            if (position < line.Length) Escape(html, line.AsSpan(position));
            else if (state is not null) memo!.Add(grammar, state, line, html.ToString(lineStart, html.Length - lineStart), _state);
        }

        /// <summary>Writes text inside one span of <paramref name="name"/>.</summary>
        public void Span(string name, ReadOnlySpan<char> text)
        {
            if (text.IsEmpty) return;
            html.Append("<span class=\"").Append(name).Append("\">");
            Escape(html, text);
            html.Append("</span>");
        }

        public void EndLine() => html.Append('\n');
    }

    /// <summary>Escapes as Markdig escapes code, so plain and highlighted blocks differ only by their spans.</summary>
    internal static void Escape(StringBuilder html, ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var next = text.IndexOfAny("<>&\"");
            if (next < 0)
            {
                html.Append(text);
                return;
            }
            html.Append(text[..next]);
            html.Append(text[next] switch { '<' => "&lt;", '>' => "&gt;", '&' => "&amp;", _ => "&quot;" });
            text = text[(next + 1)..];
        }
    }
}
