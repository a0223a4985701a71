using System.Collections.Frozen;

namespace StaticBriefs.Rendering.Markdown.Highlighting;

/// <summary>
/// The names authors write after a code fence (<c>```rust</c>, <c>```sh</c>, <c>```yml</c>), mapped to the TextMate
/// grammar that highlights them. Written out rather than read from the grammar package at run time, so deciding
/// that a block is not highlighted never loads the package, and the supported names are visible in one place.
/// </summary>
internal static class LanguageNames
{
    /// <summary>Pseudo-scope for shell sessions: prompts, commands highlighted as shell, and their output.</summary>
    public const string Console = "console";

    /// <summary>Pseudo-scope for names that mean "plain text": the block keeps its class and gets no spans.</summary>
    public const string Plain = "plain";

    private static readonly FrozenDictionary<string, string> Scopes = Build(new Dictionary<string, string[]>
    {
        ["source.batchfile"] = ["bat", "batch", "cmd"],
        ["source.c"] = ["c", "h"],
        ["source.clojure"] = ["clj", "cljs", "clojure", "edn"],
        ["source.coffee"] = ["coffee", "coffeescript"],
        ["source.cpp"] = ["c++", "cc", "cpp", "cxx", "hpp", "hh", "hxx"],
        ["source.cs"] = ["c#", "cs", "csharp", "csx", "cake"],
        ["source.css"] = ["css"],
        ["source.css.less"] = ["less"],
        ["source.css.scss"] = ["scss"],
        ["source.dart"] = ["dart"],
        ["source.diff"] = ["diff", "patch", "udiff"],
        ["source.dockerfile"] = ["docker", "dockerfile", "containerfile"],
        ["source.fsharp"] = ["f#", "fs", "fsharp", "fsx"],
        ["source.go"] = ["go", "golang"],
        ["source.groovy"] = ["gradle", "groovy"],
        ["text.html.handlebars"] = ["handlebars", "hbs", "mustache"],
        ["text.html.derivative"] = ["html", "htm", "xhtml", "html5"],
        ["source.ignore"] = ["gitignore", "ignore"],
        ["source.ini"] = ["ini", "cfg", "conf", "properties", "editorconfig", "gitconfig"],
        ["source.java"] = ["java"],
        ["source.js"] = ["js", "javascript", "mjs", "cjs", "node"],
        ["source.js.jsx"] = ["jsx"],
        ["source.json"] = ["json", "geojson", "jsonld", "webmanifest"],
        ["source.json.comments"] = ["jsonc", "json5"],
        ["source.julia"] = ["jl", "julia"],
        ["text.tex.latex"] = ["latex", "tex"],
        ["source.lua"] = ["lua"],
        ["source.makefile"] = ["make", "makefile", "mk", "mak"],
        ["text.html.markdown"] = ["markdown", "md", "mdown", "mkd"],
        ["source.objc"] = ["objc", "objective-c"],
        ["source.objcpp"] = ["objcpp", "objective-c++"],
        ["source.pascal"] = ["pascal", "delphi"],
        ["source.perl"] = ["perl", "pl", "pm"],
        ["source.php"] = ["php"],
        ["source.powershell"] = ["powershell", "pwsh", "ps", "ps1", "psm1"],
        ["source.python"] = ["py", "python", "python3", "py3", "pyi", "gyp"],
        ["source.r"] = ["r"],
        ["text.html.cshtml"] = ["cshtml", "razor"],
        ["source.ruby"] = ["rb", "ruby", "erb", "gemspec", "rake"],
        ["source.rust"] = ["rs", "rust"],
        [OwnGrammars.Shell] = ["bash", "sh", "shell", "shellscript", "zsh", "ksh", "csh"],
        ["source.sql"] = ["sql", "mysql", "postgresql", "postgres", "psql", "sqlite", "plsql", "tsql"],
        ["source.swift"] = ["swift"],
        [OwnGrammars.Toml] = ["toml"],
        ["source.ts"] = ["ts", "typescript", "mts", "cts"],
        ["source.tsx"] = ["tsx"],
        ["source.asp.vb.net"] = ["vb", "vbnet", "vb.net", "vbs", "vbscript"],
        ["source.x86asm"] = ["asm", "nasm", "x86asm"],
        ["text.xml"] = ["xml", "svg", "rss", "atom", "xsd", "xaml", "csproj", "plist"],
        ["text.xml.xsl"] = ["xsl", "xslt"],
        ["source.yaml"] = ["yaml", "yml"],
        [Console] = ["console", "shell-session", "sh-session", "shellsession", "terminal", "bash-session"],
        [Plain] = ["text", "txt", "plain", "plaintext", "none", "nohighlight", "no-highlight", "output", "log"],
    });

    /// <summary>The grammar scope for <paramref name="info"/> (the fence's first word, any case), or null when unknown.</summary>
    public static string? ScopeOf(ReadOnlySpan<char> info)
    {
        if (info.IsEmpty || info.Length > 32) return null;
        Span<char> lower = stackalloc char[info.Length];
        info.ToLowerInvariant(lower);
        return Scopes.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(lower, out var scope) ? scope : null;
    }

    /// <summary>Every grammar scope named by the table (the pseudo-scopes excluded).</summary>
    public static IEnumerable<string> GrammarScopes =>
        Scopes.Values.Distinct(StringComparer.Ordinal).Where(s => s is not (Console or Plain)).Order(StringComparer.Ordinal);

    /// <summary>Every name the table knows, for documentation and tests.</summary>
    public static IEnumerable<string> Names => Scopes.Keys.Order(StringComparer.Ordinal);

    private static FrozenDictionary<string, string> Build(Dictionary<string, string[]> namesByScope)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (scope, names) in namesByScope)
        {
            foreach (var name in names) map.Add(name, scope);
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
