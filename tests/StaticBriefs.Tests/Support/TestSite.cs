using System.Security.Cryptography;
using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using StaticBriefs.Building;

namespace StaticBriefs.Tests.Support;

/// <summary>
/// A throw-away site in a temp folder: write input files from strings, build with the repository's theme, read and
/// parse what came out. The folder is deleted on dispose.
/// </summary>
internal sealed class TestSite : IDisposable
{
    /// <summary>The fixed clock every test build uses, so drafts, future briefs and output bytes are reproducible.</summary>
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly HtmlParser Parser = new();

    public TestSite()
    {
        Root = Path.Combine(Path.GetTempPath(), "sb-test-" + Guid.NewGuid().ToString("N")[..12]);
        InputDirectory = Path.Combine(Root, "input");
        OutputDirectory = Path.Combine(Root, "output");
        Directory.CreateDirectory(InputDirectory);
    }

    /// <summary>A site whose input is a copy of <paramref name="sourceInput"/>.</summary>
    public static TestSite CopyOf(string sourceInput)
    {
        var site = new TestSite();
        foreach (var file in Directory.EnumerateFiles(sourceInput, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(sourceInput, file);
            var target = Path.Combine(site.InputDirectory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return site;
    }

    public string Root { get; }
    public string InputDirectory { get; }
    public string OutputDirectory { get; }

    /// <summary>Writes a file under <c>input/</c> (folders created as needed).</summary>
    public TestSite Write(string relativePath, string content)
    {
        var path = Path.Combine(InputDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"), new UTF8Encoding(false));
        return this;
    }

    /// <summary>
    /// Puts the built-in theme's <paramref name="template"/> (e.g. <c>layouts/term.sbn</c>) into the site's own theme
    /// with one more line of tags only, which writes nothing: it is then no longer the built-in file, so the build reads
    /// it with the template interpreter rather than its C# twin, and must write the same bytes.
    /// </summary>
    public TestSite UseBuiltInTemplateAsOwn(string template) =>
        Write("_theme/" + template, "{{~ # the built-in template, read by the interpreter ~}}\n" + File.ReadAllText(Path.Combine(RepoPaths.Theme, template)));

    /// <summary>Deletes a file under <c>input/</c>.</summary>
    public void Delete(string relativePath) => File.Delete(Path.Combine(InputDirectory, relativePath));

    /// <summary>A brief's markdown from its front matter lines and body.</summary>
    public static string Brief(string frontMatter, string body = "Body text.") =>
        "---\n" + frontMatter.ReplaceLineEndings("\n").Trim('\n') + "\n---\n\n" + body + "\n";

    /// <summary>Options for a reproducible build of this site with the repository's theme.</summary>
    public BuildOptions Options => new()
    {
        InputDirectory = InputDirectory,
        OutputDirectory = OutputDirectory,
        ThemeDirectory = RepoPaths.Theme,
        Now = Now,
        Minify = false,
        MaxParallelism = 2,
    };

    /// <summary>Builds the site through <see cref="SiteBuild.Run(BuildOptions, TextWriter?)"/>.</summary>
    /// <summary>The site's model as a build assembles it (test clock, no drafts or future briefs), asserting no errors.</summary>
    public StaticBriefs.Model.SiteModel Model()
    {
        var bag = new StaticBriefs.Diagnostics.DiagnosticBag();
        var site = StaticBriefs.Model.SiteAssembler.Assemble(StaticBriefs.Loading.SiteLoader.Load(InputDirectory, bag), new StaticBriefs.Model.AssemblyOptions(false, false, Now), bag);
        Assert.DoesNotContain(bag.Sorted(), d => d.Severity == StaticBriefs.Diagnostics.Severity.Error);
        return site;
    }

    public BuildResult Build(Func<BuildOptions, BuildOptions>? configure = null) =>
        SiteBuild.Run(configure is null ? Options : configure(Options));

    /// <summary>Builds and fails the test when the build reports any error.</summary>
    public BuildResult BuildOk(Func<BuildOptions, BuildOptions>? configure = null)
    {
        var result = Build(configure);
        Assert.False(result.HasErrors, "build failed:\n" + string.Join('\n', result.Diagnostics));
        Assert.True(result.Written);
        return result;
    }

    /// <summary>Runs the CLI <c>build</c> in-process on this site; extra arguments are appended.</summary>
    public CliRun Cli(params string[] extra) =>
        CliRun.Invoke([
            "build", "--input", InputDirectory, "--output", OutputDirectory, "--theme", RepoPaths.Theme, "--no-minify", .. extra,
        ]);

    /// <summary>Path of an output file.</summary>
    public string OutputPath(string relativePath) => Path.Combine(OutputDirectory, relativePath.TrimStart('/'));

    public bool OutputExists(string relativePath) => File.Exists(OutputPath(relativePath));

    /// <summary>Text of an output file; fails clearly when it is missing.</summary>
    public string ReadOutput(string relativePath)
    {
        var path = OutputPath(relativePath);
        Assert.True(File.Exists(path), $"expected output file {relativePath}; have:\n{string.Join('\n', OutputFiles())}");
        return File.ReadAllText(path);
    }

    /// <summary>An output HTML file parsed with AngleSharp.</summary>
    public IHtmlDocument Html(string relativePath) => Parse(ReadOutput(relativePath));

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>Every output file, relative with '/', in ordinal order.</summary>
    public IReadOnlyList<string> OutputFiles() => FilesUnder(OutputDirectory);

    public static IReadOnlyList<string> FilesUnder(string directory) =>
        !Directory.Exists(directory)
            ? []
            : [.. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)];

    /// <summary>One hash over every output file's path and bytes: equal hashes mean byte-for-byte equal trees.</summary>
    public string OutputHash()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in OutputFiles())
        {
            sha.AppendData(Encoding.UTF8.GetBytes(file + "\0"));
            sha.AppendData(File.ReadAllBytes(OutputPath(file)));
            sha.AppendData("\0"u8);
        }
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder that cannot be removed now is harmless.
        }
    }
}
