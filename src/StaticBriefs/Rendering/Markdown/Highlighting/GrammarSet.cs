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
    /// <param name="parsed">The parsed grammars.</param>
    /// <param name="lines">How many highlighted lines the sets of one highlighter may keep between them.</param>
    /// <param name="fenceless">Load markdown without the languages of its fenced blocks (<see cref="ParsedGrammars.FencelessMarkdown"/>).</param>
    public GrammarSet(ParsedGrammars parsed, LineBudget lines, bool fenceless = false)
    {
        RegexLimits.Ensure();
        _registry = new Registry(new GrammarSource(parsed, fenceless));
        Lines = new LineMemo(lines);
    }

    /// <summary>The lines this set's grammars have highlighted, for copying when met again.</summary>
    public LineMemo Lines { get; }

    /// <summary>Each scope this set's tokens carried, with its class (<see cref="TokenClasses.For"/>); used by one thread, as the set is.</summary>
    public Dictionary<string, string?> ScopeClasses { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The regular expressions this set's rules have compiled, each distinct pattern once (TextMateSharp compiles a
    /// scanner for every rule, and a grammar's rules repeat the same patterns). Enter it on the thread using the set.
    /// </summary>
    public Onigwrap.PatternCache Patterns { get; } = new();

    /// <summary>The grammar for <paramref name="scope"/>, or null when it cannot be loaded.</summary>
    public IGrammar? Grammar(string scope)
    {
        if (!_grammars.TryGetValue(scope, out var grammar))
            _grammars[scope] = grammar = _registry.LoadGrammar(scope);
        return grammar;
    }

    /// <summary>The parsed grammars, each handed out as a copy of its own.</summary>
    private sealed class GrammarSource(ParsedGrammars parsed, bool fenceless) : IRegistryOptions
    {
        public IRawGrammar? GetGrammar(string scopeName) =>
            fenceless && scopeName == ParsedGrammars.Markdown ? parsed.FencelessMarkdown() : parsed.CopyOf(scopeName);

        public ICollection<string> GetInjections(string scopeName)
        {
            var injections = parsed.Package.GetInjections(scopeName);
            // The typst injection adds fenced blocks of typst to markdown (and through typst, 86 grammars).
            return fenceless && scopeName == ParsedGrammars.Markdown && injections is not null
                ? [.. injections.Where(scope => scope != ParsedGrammars.TypstFences)]
                : injections!;
        }

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

    // Where the package's JSON grammars are embedded, by scope (GrammarJson reads them).
    private readonly Lazy<Dictionary<string, string>> _resources = new(() => GrammarJson.Resources(package), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The grammar package (its index of grammars, read-only once built).</summary>
    public RegistryOptions Package { get; } = package;

    /// <summary>How many grammars have been parsed.</summary>
    public int Parses => Volatile.Read(ref _parses);

    /// <summary>The markdown grammar's scope name.</summary>
    public const string Markdown = "text.html.markdown";

    /// <summary>The package's injection into markdown of fenced blocks of typst: like markdown's own, fence lines only.</summary>
    public const string TypstFences = "markdown.typst.codeblock";

    /// <summary>The repository rule of the markdown grammar that lists every fenced block's language, and the one for any other fence.</summary>
    private const string FencedBlocks = "fenced_code_block";
    private const string UnknownFence = "#fenced_code_block_unknown";

    private Lazy<IRawGrammar?>? _fenceless;

    /// <summary>A copy of the grammar of <paramref name="scope"/> for one registry, or null when there is none.</summary>
    public IRawGrammar? CopyOf(string scope) => Parsed(scope)?.Clone();

    /// <summary>The grammar of <paramref name="scope"/> as parsed: only ever read.</summary>
    private IRawGrammar? Parsed(string scope) =>
        _parsed.GetOrAdd(scope, s => new Lazy<IRawGrammar?>(() => Parse(s), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>
    /// A copy of the markdown grammar whose fenced blocks are all of an unknown language (its sets also leave out the
    /// typst fences injected into markdown, <see cref="TypstFences"/>). Markdown's fenced blocks include 53 other
    /// languages' grammars and the typst injection 86, and a registry loads and compiles every grammar a grammar includes
    /// when it loads it: one <c>```md</c> block cost a small blog 90 ms, a third of its build. A block with no fence line
    /// of its own (no line a fenced block could begin on, <see cref="HasFenceLine"/>) is highlighted the same by this
    /// grammar.
    /// </summary>
    public IRawGrammar? FencelessMarkdown()
    {
        var fenceless = LazyInitializer.EnsureInitialized(ref _fenceless,
            () => new Lazy<IRawGrammar?>(() => MakeFenceless(Parsed(Markdown)), LazyThreadSafetyMode.ExecutionAndPublication));
        return fenceless.Value?.Clone();
    }

    /// <summary>True when a line of <paramref name="lines"/> could open a fenced block (three backticks or tildes after indentation).</summary>
    public static bool HasFenceLine(IReadOnlyList<string> lines)
    {
        foreach (var line in lines)
        {
            var text = line.AsSpan().TrimStart();
            if (text.StartsWith("```", StringComparison.Ordinal) || text.StartsWith("~~~", StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static IRawGrammar? MakeFenceless(IRawGrammar? markdown)
    {
        if (markdown?.Clone() is not TextMateSharp.Internal.Grammars.Parser.Raw copy
            || copy.GetRepository() is not TextMateSharp.Internal.Grammars.Parser.Raw repository
            || !repository.TryGetValue(FencedBlocks, out var rule) || rule is not TextMateSharp.Internal.Grammars.Parser.Raw fenced)
            return null;
        fenced["patterns"] = new List<object> { new TextMateSharp.Internal.Grammars.Parser.Raw { ["include"] = UnknownFence } };
        // The registry looks for other grammars in every rule of the repository, used or not: the languages' fences go.
        foreach (var name in repository.Keys.Where(k => k.StartsWith(FencedBlocks + "_", StringComparison.Ordinal) && "#" + k != UnknownFence).ToList())
            repository.Remove(name);
        return copy;
    }

    private IRawGrammar? Parse(string scope)
    {
        Interlocked.Increment(ref _parses);
        return OwnGrammars.Read(scope) ?? GrammarJson.FromPackage(_resources.Value, scope) ?? Package.GetGrammar(scope);
    }
}
