using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Output;

/// <summary>
/// A temp folder holding everything a hostile output case can hurt: <c>input/</c> (a copy of the sample site),
/// <c>theme/</c> (a copy of the theme, never the repository's), <c>outside/</c> (files that belong to nobody's build)
/// and room for an <c>output/</c>. <see cref="Hash"/> covers the whole folder, links not followed, so a case can
/// assert that nothing anywhere changed.
/// </summary>
internal sealed class OutputSite : IDisposable
{
    public OutputSite(bool withSample = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "sb-out-" + Guid.NewGuid().ToString("N")[..12]);
        Input = Path.Combine(Root, "input");
        Theme = Path.Combine(Root, "theme");
        Output = Path.Combine(Root, "output");
        Outside = Path.Combine(Root, "outside");
        Copy(withSample ? RepoPaths.SampleInput : null, Input);
        Copy(RepoPaths.Theme, Theme);
        Directory.CreateDirectory(Path.Combine(Outside, "media"));
        File.WriteAllText(Path.Combine(Outside, "media", "photo.jpg"), "not a site file");
        File.WriteAllText(Path.Combine(Outside, "secret.txt"), "belongs to nobody's build");
    }

    public string Root { get; }
    public string Input { get; }
    public string Theme { get; }
    public string Output { get; }
    public string Outside { get; }

    /// <summary>The same folder under <see cref="Root"/>.</summary>
    public string At(string relative) => Path.Combine(Root, relative);

    /// <summary>One hash over every entry below <see cref="Root"/> (links not followed).</summary>
    public string Hash() => OutputTestSupport.TreeHash(Root);

    /// <summary>The output folder's hash alone.</summary>
    public string OutputHash() => OutputTestSupport.TreeHash(Output);

    /// <summary>Arguments for a build of this site into <paramref name="output"/> (default: <see cref="Output"/>).</summary>
    public string[] BuildArgs(string? output = null, params string[] extra) =>
        ["build", "--input", Input, "--output", output ?? Output, "--theme", Theme, "--no-minify", .. extra];

    /// <summary>Builds in-process through the command line.</summary>
    public CliRun Build(params string[] extra) => CliRun.Invoke(BuildArgs(null, extra));

    /// <summary>Builds and fails the test unless the build succeeded.</summary>
    public CliRun BuildOk(params string[] extra)
    {
        var run = Build(extra);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }

    /// <summary>Changes a brief's title, so the next build differs in a few pages.</summary>
    public void EditTitle(string marker)
    {
        var brief = Directory.EnumerateFiles(Path.Combine(Input, "briefs"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var lines = File.ReadAllLines(brief);
        var at = Array.FindIndex(lines, l => l.StartsWith("title:", StringComparison.Ordinal));
        lines[at] = $"title: \"Edited {marker}\"";
        File.WriteAllLines(brief, lines);
    }

    /// <summary>Breaks one brief, so the next build fails on content.</summary>
    public void BreakInput() => File.WriteAllText(Path.Combine(Input, "briefs", "broken.md"), "---\ntitle: [unclosed\n---\nBody\n");

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

    private static void Copy(string? from, string to)
    {
        Directory.CreateDirectory(to);
        if (from is null) return;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
