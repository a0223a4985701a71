using System.Runtime.CompilerServices;
using System.Text;
using TextMateSharp.Grammars;

namespace StaticBriefs.Rendering.Markdown.Highlighting;

/// <summary>
/// Lines one grammar set has highlighted, by grammar, the tokenizer's state before the line and the line's text: the
/// same three give the same HTML and the same state after, so a line met again is copied rather than tokenized (about
/// 100 us a line through Oniguruma). Posts repeat many lines (closing braces, blank lines, the same configuration
/// keys): of the code lines in the Rust and OpenTelemetry blogs, 47% and 39% repeat one before them in their language.
/// Used by one thread at a time, as its <see cref="GrammarSet"/> is.
/// </summary>
internal sealed class LineMemo(LineBudget budget)
{
    /// <summary>
    /// The most lines one highlighter's memos keep between them (about a kilobyte each with its state's key and HTML:
    /// some 40 MiB at most); past it, lines are tokenized as they come. The lines that repeat most (braces, blank
    /// lines) are met early.
    /// </summary>
    public const int Capacity = 40_000;

    private readonly Dictionary<(IGrammar Grammar, string State, string Line), Entry> _lines = [];
    private readonly StringBuilder _key = new();

    /// <summary>How many lines were copied (for tests).</summary>
    internal int Hits { get; private set; }

    /// <summary>How many lines are kept.</summary>
    internal int Count => _lines.Count;

    /// <summary>The HTML and state after of <paramref name="line"/> in <paramref name="state"/>, when kept.</summary>
    public bool TryGet(IGrammar grammar, string state, string line, out string html, out IStateStack? after)
    {
        if (_lines.TryGetValue((grammar, state, line), out var entry))
        {
            Hits++;
            (html, after) = (entry.Html, entry.After);
            return true;
        }
        (html, after) = ("", null);
        return false;
    }

    /// <summary>Keeps a line's HTML and the state after it (the state objects are never changed by later lines).</summary>
    public void Add(IGrammar grammar, string state, string line, string html, IStateStack? after)
    {
        if (!_lines.ContainsKey((grammar, state, line)) && budget.TryTake()) _lines.Add((grammar, state, line), new Entry(html, after));
    }

    /// <summary>
    /// A key equal for two states exactly when the tokenizer would treat them alike: every frame's rule, end pattern,
    /// whether its begin captured the line's end, and both scope lists with their attributes (TextMateSharp's own
    /// equality cannot be used: its scope-list comparison always answers no). Null for a state of another kind.
    /// </summary>
    public string? KeyOf(IStateStack? state)
    {
        if (state is null) return "";
        if (state is not StateStack frame) return null;
        _key.Clear();
        for (; frame is not null; frame = frame.Parent)
        {
            _key.Append(frame.RuleId.Id).Append('\u0001').Append(frame.EndRule is null ? "\u0002" : frame.EndRule)
                .Append('\u0001').Append(Internals.BeginRuleCapturedEol(frame) ? '1' : '0');
            Scopes(Internals.NameScopes(frame));
            Scopes(Internals.ContentNameScopes(frame));
            _key.Append('\u0004');
        }
        return _key.ToString();
    }

    private void Scopes(object? scopes)
    {
        _key.Append('\u0003');
        for (; scopes is not null; scopes = Internals.Parent(scopes))
            _key.Append(Internals.ScopePath(scopes)).Append('\u0001').Append(Internals.TokenAttributes(scopes)).Append('\u0001');
    }

    /// <summary>
    /// The parts of a state TextMateSharp keeps internal (its scope lists), read without reflection so the natively
    /// compiled tool reads them too; a version without them fails at the first highlighted line, where
    /// <see cref="SyntaxHighlighter"/> falls back to plain code and its tests fail.
    /// </summary>
    private static class Internals
    {
        private const string ScopeStack = "TextMateSharp.Internal.Grammars.AttributedScopeStack, TextMateSharp";

        [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_NameScopesList")]
        [return: UnsafeAccessorType(ScopeStack)]
        public static extern object? NameScopes(StateStack frame);

        [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_ContentNameScopesList")]
        [return: UnsafeAccessorType(ScopeStack)]
        public static extern object? ContentNameScopes(StateStack frame);

        [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_BeginRuleCapturedEOL")]
        public static extern bool BeginRuleCapturedEol(StateStack frame);

        [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_Parent")]
        [return: UnsafeAccessorType(ScopeStack)]
        public static extern object? Parent([UnsafeAccessorType(ScopeStack)] object scopes);

        [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_ScopePath")]
        public static extern string? ScopePath([UnsafeAccessorType(ScopeStack)] object scopes);

        [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_TokenAttributes")]
        public static extern int TokenAttributes([UnsafeAccessorType(ScopeStack)] object scopes);
    }

    private sealed record Entry(string Html, IStateStack? After);
}

/// <summary>How many more lines the memos of one highlighter may keep; shared by its grammar sets, one a language.</summary>
internal sealed class LineBudget(int lines)
{
    private int _left = lines;

    /// <summary>Takes room for one line; false once there is none.</summary>
    public bool TryTake() => Volatile.Read(ref _left) > 0 && Interlocked.Decrement(ref _left) >= 0;
}
