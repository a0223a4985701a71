using TextMateSharp.Internal.Grammars.Reader;
using TextMateSharp.Internal.Types;

namespace StaticBriefs.Rendering.Markdown.Highlighting;

/// <summary>
/// A TOML grammar of our own (<c>toml.tmLanguage.json</c>, embedded): the grammar package has none, and TOML is
/// what Rust, Hugo and Zola posts show most after shell and code.
/// </summary>
internal static class TomlGrammar
{
    /// <summary>The grammar's scope name.</summary>
    public const string ScopeName = "source.toml";

    /// <summary>Reads the embedded grammar.</summary>
    public static IRawGrammar Read()
    {
        using var stream = typeof(TomlGrammar).Assembly.GetManifestResourceStream(typeof(TomlGrammar).Namespace + ".toml.tmLanguage.json")
            ?? throw new InvalidOperationException("the TOML grammar is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        return GrammarReader.ReadGrammarSync(reader);
    }
}
