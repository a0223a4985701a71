using TextMateSharp.Grammars;
using TextMateSharp.Internal.Types;
using TextMateSharp.Registry;
using TextMateSharp.Themes;

namespace StaticBriefs.Rendering.Markdown.Highlighting;

/// <summary>
/// One TextMate registry and the grammars it has loaded, used by one thread at a time: a grammar compiles its
/// rules lazily and its regular expressions remember their last search, so threads do not share one
/// (<see cref="SyntaxHighlighter"/> keeps a pool). Grammars load on first use, about 10 ms each. The package's
/// index of grammars (<see cref="RegistryOptions"/>, read-only once built) is shared by all sets.
/// </summary>
internal sealed class GrammarSet
{
    private readonly Registry _registry;
    private readonly Dictionary<string, IGrammar?> _grammars = new(StringComparer.Ordinal);

    /// <summary>A registry of its own over <paramref name="package"/>; the first one also bounds the regular expression engine (<see cref="RegexLimits"/>).</summary>
    public GrammarSet(RegistryOptions package)
    {
        RegexLimits.Ensure();
        _registry = new Registry(new GrammarSource(package));
    }

    /// <summary>The grammar for <paramref name="scope"/>, or null when it cannot be loaded.</summary>
    public IGrammar? Grammar(string scope)
    {
        if (!_grammars.TryGetValue(scope, out var grammar))
            _grammars[scope] = grammar = _registry.LoadGrammar(scope);
        return grammar;
    }

    /// <summary>The grammar package's grammars, with our own where we have one (<see cref="OwnGrammars"/>).</summary>
    private sealed class GrammarSource(RegistryOptions package) : IRegistryOptions
    {
        private readonly RegistryOptions _package = package;

        public IRawGrammar GetGrammar(string scopeName) => OwnGrammars.Read(scopeName) ?? _package.GetGrammar(scopeName);

        public ICollection<string> GetInjections(string scopeName) => _package.GetInjections(scopeName);

        public IRawTheme GetTheme(string scopeName) => _package.GetTheme(scopeName);

        public IRawTheme GetDefaultTheme() => _package.GetDefaultTheme();
    }
}
