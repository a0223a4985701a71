using StaticBriefs.Diagnostics;
using StaticBriefs.Model;

namespace StaticBriefs.Tests.Model;

/// <summary>A document's own image, resolved to what pages link to.</summary>
public sealed class ImageResolverTests
{
    private static readonly string[] Files = ["posts/bundle/cover.png", "img/shared.png", "posts/img/up.png"];

    private static SourceDocument Document(string path, string image) => new()
    {
        RelativePath = path, Kind = DocumentKind.Brief, Title = "x", Body = "",
        Image = new ImageReference(new LocatedText(image, 4, 8), ""),
    };

    private static (string? Resolved, IReadOnlyList<Diagnostic> Found) Resolve(string path, string image)
    {
        var bag = new DiagnosticBag();
        var images = ImageResolver.Resolve([Document(path, image)], Files, bag);
        return (images.GetValueOrDefault(path), bag.Sorted());
    }

    [Theory]
    [InlineData("posts/bundle/index.md", "cover.png", "/posts/bundle/cover.png")]
    [InlineData("posts/bundle/index.md", "./cover.png?v=2", "/posts/bundle/cover.png")]
    [InlineData("posts/bundle/index.md", "img/shared.png", "/img/shared.png")]
    [InlineData("posts/bundle/index.md", "../img/up.png", "/posts/img/up.png")]
    [InlineData("posts/x.md", "/img/shared.png", "/img/shared.png")]
    [InlineData("posts/x.md", "https://cdn.example/a.png", "https://cdn.example/a.png")]
    [InlineData("posts/x.md", "//cdn.example/a.png", "https://cdn.example/a.png")]
    public void Images_beside_the_document_then_from_the_root_or_absolute_urls_resolve(string path, string image, string expected)
    {
        var (resolved, found) = Resolve(path, image);

        Assert.Empty(found);
        Assert.Equal(expected, resolved);
    }

    [Fact]
    public void A_missing_file_is_a_broken_link_at_the_image_key_naming_where_it_looked()
    {
        var (resolved, found) = Resolve("posts/x.md", "cover.png");

        Assert.Null(resolved);
        var error = Assert.Single(found);
        Assert.Equal((Severity.Error, DiagnosticCodes.BrokenLink, 4, 8), (error.Severity, error.Code, error.Line, error.Column));
        Assert.Contains("'posts/cover.png' and 'cover.png'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:image/png;base64,AAAA")]
    public void Other_schemes_are_dropped_with_a_warning(string image)
    {
        var (resolved, found) = Resolve("posts/x.md", image);

        Assert.Null(resolved);
        Assert.Equal((Severity.Warning, DiagnosticCodes.UnsafeUrl), (Assert.Single(found).Severity, found[0].Code));
    }

    [Fact]
    public void A_path_climbing_out_of_the_input_is_never_resolved()
    {
        var (resolved, found) = Resolve("x.md", "../../etc/passwd");

        Assert.Null(resolved);
        Assert.Equal(DiagnosticCodes.BrokenLink, Assert.Single(found).Code);
    }
}
