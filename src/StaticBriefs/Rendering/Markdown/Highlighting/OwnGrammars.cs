using TextMateSharp.Internal.Types;

namespace StaticBriefs.Rendering.Markdown.Highlighting;

/// <summary>
/// Grammars of our own, embedded next to this file, used in place of the package's for their scopes: TOML, which the
/// package lacks (and Rust, Hugo and Zola posts show often), and shell, whose package grammar took about 30 MB and
/// half a second to load on each thread (its rules include one another deeply), while shell is the language posts
/// show most. Both cover what posts show; they are written from the TOML specification and the bash manual.
/// </summary>
internal static class OwnGrammars
{
    /// <summary>The TOML grammar's scope name.</summary>
    public const string Toml = "source.toml";

    /// <summary>The shell grammar's scope name (the same as the package's, which it replaces).</summary>
    public const string Shell = "source.shell";

    /// <summary>The grammar for <paramref name="scopeName"/> when it is one of ours, else null.</summary>
    public static IRawGrammar? Read(string scopeName)
    {
        var file = scopeName switch
        {
            Toml => "toml.tmLanguage.json",
            Shell => "shell.tmLanguage.json",
            _ => null,
        };
        if (file is null) return null;
        return GrammarJson.FromResource(typeof(OwnGrammars).Assembly, typeof(OwnGrammars).Namespace + "." + file)
            ?? throw new InvalidOperationException($"the grammar {file} is not embedded in the assembly as a JSON object");
    }
}
