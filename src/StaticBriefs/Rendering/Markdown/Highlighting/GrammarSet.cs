using TextMateSharp.Grammars;
using TextMateSharp.Internal.Types;
using TextMateSharp.Registry;
using TextMateSharp.Themes;

namespace StaticBriefs.Rendering.Markdown.Highlighting;

/// <summary>
/// One TextMate registry and the grammars it has loaded, used by one thread at a time: a grammar compiles its
/// rules lazily and its regular expressions remember their last search, so threads do not share one
/// (<see cref="SyntaxHighlighter"/> keeps a pool). Grammars load on first use, about 10 ms each.
/// </summary>
internal sealed class GrammarSet
{
    private readonly Registry _registry = new(new GrammarSource());

    /// <summary>A registry of its own; the first one also bounds the regular expression engine (<see cref="RegexLimits"/>).</summary>
    public GrammarSet() => RegexLimits.Ensure();
    private readonly Dictionary<string, IGrammar?> _grammars = new(StringComparer.Ordinal);

    /// <summary>The grammar for <paramref name="scope"/>, or null when it cannot be loaded.</summary>
    public IGrammar? Grammar(string scope)
    {
        if (!_grammars.TryGetValue(scope, out var grammar))
            _grammars[scope] = grammar = _registry.LoadGrammar(scope);
        return grammar;
    }

    /// <summary>The grammar package's grammars, plus the TOML grammar of our own.</summary>
    private sealed class GrammarSource : IRegistryOptions
    {
        // The theme is required by the registry but never used: colours come from CSS classes.
        private readonly RegistryOptions _package = new(ThemeName.LightPlus);

        public IRawGrammar GetGrammar(string scopeName) =>
            scopeName == TomlGrammar.ScopeName ? TomlGrammar.Read() : _package.GetGrammar(scopeName);

        public ICollection<string> GetInjections(string scopeName) => _package.GetInjections(scopeName);

        public IRawTheme GetTheme(string scopeName) => _package.GetTheme(scopeName);

        public IRawTheme GetDefaultTheme() => _package.GetDefaultTheme();
    }
}
