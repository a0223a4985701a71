using StaticBriefs.Incremental;
using StaticBriefs.Model;

namespace StaticBriefs.Tests.Incremental;

/// <summary>
/// A body's memo key is remembered per body object across builds (preview asks for every body's key when a brief is
/// added or removed): a remembered key must be the key the body would get anew, and never stand for another context,
/// file or first line.
/// </summary>
public sealed class MarkdownMemoKeyTests
{
    private static MarkdownMemo Memo(BuildCache cache, string context) => new(cache, context, "spellings", []);

    /// <summary>The key a cache that has never seen the body makes.</summary>
    private static string Fresh(string context, BodyText body, string path, int line) =>
        Memo(new BuildCache(null), context).KeyOf(new BodyText(body.Text), path, line);

    [Fact]
    public void A_remembered_key_is_the_key_made_anew_and_changes_with_the_context_the_file_and_the_first_line()
    {
        var cache = new BuildCache(null);
        var body = new BodyText("Acme hires a new chief scientist.");
        var first = Memo(cache, "context-a").KeyOf(body, "briefs/a.md", 5);

        Assert.Equal(first, Memo(cache, "context-a").KeyOf(body, "briefs/a.md", 5));
        Assert.Equal(Fresh("context-a", body, "briefs/a.md", 5), first);

        var otherContext = Memo(cache, "context-b").KeyOf(body, "briefs/a.md", 5);
        var otherFile = Memo(cache, "context-b").KeyOf(body, "briefs/b.md", 5);
        var otherLine = Memo(cache, "context-b").KeyOf(body, "briefs/b.md", 7);

        Assert.Equal(Fresh("context-b", body, "briefs/a.md", 5), otherContext);
        Assert.Equal(Fresh("context-b", body, "briefs/b.md", 5), otherFile);
        Assert.Equal(Fresh("context-b", body, "briefs/b.md", 7), otherLine);
        Assert.Equal(4, new[] { first, otherContext, otherFile, otherLine }.Distinct().Count());
    }
}
