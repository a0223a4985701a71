using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Output;

/// <summary>
/// An output folder that is a mount point (a container volume): it cannot be renamed (EBUSY), so every build patches
/// it in place from a work folder inside it, crash-safe like any other commit, and nothing is written beside it. Run in
/// a private mount namespace (<c>unshare -m</c>, root), so the mount disappears with the test.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class OutputMountTests : IDisposable
{
    private readonly OutputSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public void An_output_that_is_a_mount_point_is_built_into_patched_and_recovered_in_place()
    {
        // What the mount should end as: the edited site, plus a file of the host's kept from before.
        var reference = _site.At("reference");
        var brief = Path.Combine(_site.Input, "briefs", "2024", "amazon-anthropic-4-billion.md");
        var edited = _site.At("edited.md");
        File.WriteAllText(edited, File.ReadAllText(brief).Replace("title: \"Amazon invests", "title: \"Mounted: Amazon invests", StringComparison.Ordinal));
        var original = _site.At("original.md");
        File.Copy(brief, original);
        File.Copy(edited, brief, overwrite: true);
        Assert.Equal(0, CliRun.Invoke(_site.BuildArgs(reference, "--no-cache")).ExitCode);
        File.WriteAllText(Path.Combine(reference, "CNAME"), "briefs.example.org\n");
        File.Copy(original, brief, overwrite: true);

        var build = $"$SB build --input '{_site.Input}' --output '{_site.Output}' --theme '{_site.Theme}' --no-minify";
        var script = $$"""
            mkdir -p '{{_site.Output}}'
            mount -t tmpfs none '{{_site.Output}}'
            {{build}} --no-cache 2> '{{_site.At("first.err")}}'
            echo 'briefs.example.org' > '{{_site.Output}}/CNAME'
            cp '{{edited}}' '{{brief}}'
            set +e
            STATICBRIEFS_TEST_CRASH_AT=patch:move:3 {{build}} --no-cache 2> '{{_site.At("killed.err")}}'
            echo $? > '{{_site.At("killed.code")}}'
            set -e
            {{build}} --no-cache 2> '{{_site.At("recovered.err")}}'
            {{build}} 2> '{{_site.At("cached.err")}}'
            cp -a '{{_site.Output}}' '{{_site.At("result")}}'
            ls -A '{{_site.Root}}' > '{{_site.At("listing")}}'
            """;

        using (var run = StaticBriefsProcess.StartInMountNamespace(script))
            Assert.True(run.WaitForExit() == 0, run + "\n" + string.Join('\n', Directory.EnumerateFiles(_site.Root, "*.err").Select(File.ReadAllText)));

        // The clean build into the mount point took the patch path (that is where the hook killed it) ...
        Assert.Equal("137", File.ReadAllText(_site.At("killed.code")).Trim());
        Assert.Contains("test hook: killed at patch:move:3", File.ReadAllText(_site.At("killed.err")), StringComparison.Ordinal);
        // ... the next build finished that commit first, then built; and the end is exactly the edited site.
        Assert.Contains("warning SB024", File.ReadAllText(_site.At("recovered.err")), StringComparison.Ordinal);
        Assert.Equal(OutputTestSupport.TreeHash(reference), OutputTestSupport.TreeHash(_site.At("result")));
        // Nothing was ever written beside the mount point.
        Assert.DoesNotContain(".output.", File.ReadAllText(_site.At("listing")), StringComparison.Ordinal);
    }
}
