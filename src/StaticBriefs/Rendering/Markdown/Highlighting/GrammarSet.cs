using TextMateSharp.Grammars;
using TextMateSharp.Internal.Types;
using TextMateSharp.Registry;
using TextMateSharp.Themes;

namespace StaticBriefs.Rendering.Markdown.Highlighting;

/// <summary>
/// One TextMate registry and the grammars it has loaded, used by one thread at a time: a grammar compiles its
/// rules lazily and its regular expressions remember their last search, so threads do not share one
/// (<see cref="SyntaxHighlighter"/> keeps a pool). Grammars load on first use. Their JSON is parsed once for all sets
/// (<see cref="ParsedGrammars"/>); each set's registry gets its own deep copy, which it then changes as it compiles.
/// </summary>
internal sealed class GrammarSet
{
    private readonly Registry _registry;
    private readonly Dictionary<string, IGrammar?> _grammars = new(StringComparer.Ordinal);

    /// <summary>A registry of its own over <paramref name="parsed"/>; the first one also bounds the regular expression engine (<see cref="RegexLimits"/>).</summary>
    public GrammarSet(ParsedGrammars parsed)
    {
        RegexLimits.Ensure();
        _registry = new Registry(new GrammarSource(parsed));
    }

    /// <summary>The grammar for <paramref name="scope"/>, or null when it cannot be loaded.</summary>
    public IGrammar? Grammar(string scope)
    {
        if (!_grammars.TryGetValue(scope, out var grammar))
            _grammars[scope] = grammar = _registry.LoadGrammar(scope);
        return grammar;
    }

    /// <summary>The parsed grammars, each handed out as a copy of its own.</summary>
    private sealed class GrammarSource(ParsedGrammars parsed) : IRegistryOptions
    {
        public IRawGrammar? GetGrammar(string scopeName) => parsed.CopyOf(scopeName);

        public ICollection<string> GetInjections(string scopeName) => parsed.Package.GetInjections(scopeName);

        public IRawTheme GetTheme(string scopeName) => parsed.Package.GetTheme(scopeName);

        public IRawTheme GetDefaultTheme() => parsed.Package.GetDefaultTheme();
    }
}

/// <summary>
/// The grammar package's grammars (with our own where we have one, <see cref="OwnGrammars"/>), each parsed from its
/// JSON once: every worker's registry needs them, and parsing was most of a small site's highlighting (JavaScript's
/// grammar: 5.7 ms to parse, 1.8 ms to copy). A registry changes the raw grammar it compiles (rule ids, captures), so
/// the parsed one is never handed out: <see cref="CopyOf"/> gives a deep copy (TextMateSharp's Clone shares no list or
/// rule with its source), and the original is only ever read. Thread-safe.
/// </summary>
internal sealed class ParsedGrammars(RegistryOptions package)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<IRawGrammar?>> _parsed = new(StringComparer.Ordinal);
    private int _parses;

    /// <summary>The grammar package (its index of grammars, read-only once built).</summary>
    public RegistryOptions Package { get; } = package;

    /// <summary>How many grammars have been parsed.</summary>
    public int Parses => Volatile.Read(ref _parses);

    /// <summary>A copy of the grammar of <paramref name="scope"/> for one registry, or null when there is none.</summary>
    public IRawGrammar? CopyOf(string scope) =>
        _parsed.GetOrAdd(scope, s => new Lazy<IRawGrammar?>(() => Parse(s), LazyThreadSafetyMode.ExecutionAndPublication)).Value?.Clone();

    private IRawGrammar? Parse(string scope)
    {
        Interlocked.Increment(ref _parses);
        return OwnGrammars.Read(scope) ?? Package.GetGrammar(scope);
    }
}
