using StaticBriefs.Diagnostics;
using StaticBriefs.Rendering.Theme;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Rendering.Theme;

public sealed class ThemeFilesTests
{
    [Fact]
    public void Built_in_theme_holds_every_file_of_the_repository_theme_byte_for_byte()
    {
        var repository = TestSite.FilesUnder(RepoPaths.Theme);

        Assert.Equal(repository, EmbeddedThemeSource.Instance.Files);
        foreach (var file in repository)
            Assert.Equal(File.ReadAllBytes(Path.Combine(RepoPaths.Theme, file)), EmbeddedThemeSource.Instance.ReadBytes(file, new DiagnosticBag()));
    }

    [Fact]
    public void A_site_without_a_theme_folder_builds_with_the_built_in_theme_exactly_as_with_the_folder()
    {
        using var withFolder = TestSite.CopyOf(RepoPaths.SampleInput);
        using var builtIn = TestSite.CopyOf(RepoPaths.SampleInput);

        withFolder.BuildOk();
        builtIn.BuildOk(o => o with { ThemeDirectory = Path.Combine(builtIn.Root, "no-theme-here") });

        Assert.Equal(withFolder.OutputFiles(), builtIn.OutputFiles());
        Assert.Equal(withFolder.OutputHash(), builtIn.OutputHash());
    }

    [Fact]
    public void Theme_folder_overrides_the_built_in_theme_file_by_file_and_input_theme_overrides_both()
    {
        var root = Path.Combine(Path.GetTempPath(), "sb-theme-" + Guid.NewGuid().ToString("N"));
        try
        {
            var folder = Path.Combine(root, "theme");
            var overrides = Path.Combine(root, "input", "_theme");
            Write(Path.Combine(folder, "layouts", "page.sbn"), "folder page");
            Write(Path.Combine(folder, "layouts", "brief.sbn"), "folder brief");
            Write(Path.Combine(overrides, "layouts", "brief.sbn"), "override brief");
            var diagnostics = new DiagnosticBag();
            var theme = ThemeFiles.ForSite(folder, overrides, diagnostics);

            Assert.Equal("override brief", theme.Resolve("layouts/brief.sbn")!.ReadText(diagnostics));
            Assert.Equal("_theme/layouts/brief.sbn", theme.Resolve("layouts/brief.sbn")!.Display);
            Assert.Equal("folder page", theme.Resolve("layouts/page.sbn")!.ReadText(diagnostics));
            Assert.Equal("theme/layouts/page.sbn", theme.Resolve("layouts/page.sbn")!.Display);
            Assert.Equal("built-in theme/layouts/home.sbn", theme.Resolve("layouts/home.sbn")!.Display);
            Assert.Null(theme.Resolve("layouts/nope.sbn"));
            Assert.Equal(theme.Resolve("layouts/page.sbn")!.ReadText(diagnostics), theme.FromDisplay("theme/layouts/page.sbn")!.ReadText(diagnostics));
            Assert.Contains("layouts/partials/card.sbn", theme.List("layouts"));
            Assert.Empty(diagnostics.Sorted());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void An_input_theme_override_changes_only_its_file_on_top_of_the_built_in_theme()
    {
        using var site = TestSite.CopyOf(RepoPaths.SampleInput);
        site.Write("_theme/layouts/page.sbn", "<article class=\"overridden\">{{ doc.title | html.escape }}</article>");

        site.BuildOk(o => o with { ThemeDirectory = Path.Combine(site.Root, "missing") });

        Assert.Contains("class=\"overridden\"", site.ReadOutput("about/index.html"), StringComparison.Ordinal);
        Assert.DoesNotContain("overridden", site.ReadOutput("index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_error_in_a_theme_folder_names_the_folder_layer()
    {
        using var site = TestSite.CopyOf(RepoPaths.SampleInput);
        var folder = Path.Combine(site.Root, "theme");
        Write(Path.Combine(folder, "layouts", "page.sbn"), "{{ if }}");

        var result = site.Build(o => o with { ThemeDirectory = folder });

        Assert.Contains(result.Diagnostics, d => d.Code == "SB009" && d.File == "theme/layouts/page.sbn" && d.Line == 1);
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
