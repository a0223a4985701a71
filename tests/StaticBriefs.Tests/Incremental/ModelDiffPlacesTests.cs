using System.Globalization;
using StaticBriefs.Incremental;
using StaticBriefs.Model;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Incremental;

/// <summary>
/// Two models an edit apart, their briefs matched by source path (<see cref="ModelDiff.NewOf"/>, <see cref="ModelDiff.OldOf"/>,
/// <see cref="ModelDiff.NewId"/>): found by place where the other model has them near, by path otherwise, and the same
/// either way; an edit that moves no brief plans without making the new model's table of paths.
/// </summary>
public sealed class ModelDiffPlacesTests : IDisposable
{
    private readonly TestSite _site = new();

    public ModelDiffPlacesTests()
    {
        _site.Write("_site.yml", "title: T\nbase_url: https://example.org/\n");
        for (var n = 0; n < 300; n++) _site.Write(PathOf(n), BriefOn(n, DateOf(n)));
    }

    public void Dispose() => _site.Dispose();

    private static string PathOf(int n) => string.Create(CultureInfo.InvariantCulture, $"briefs/b{n:000}.md");

    /// <summary>One brief a day, oldest first, before the test site's clock.</summary>
    private static DateTime DateOf(int n) => new DateTime(2024, 1, 1).AddDays(n);

    private static string BriefOn(int n, DateTime date, string topics = "Chips") => TestSite.Brief(string.Create(CultureInfo.InvariantCulture,
        $"title: \"Brief {n}\"\ndate: {date:yyyy-MM-dd}\ntopics: [{topics}]"));

    /// <summary>What each brief of <paramref name="from"/> is in <paramref name="to"/>, by path alone.</summary>
    private static int[] ByPath(SiteModel from, SiteModel to)
    {
        var ids = to.Briefs.ToDictionary(b => b.Source.RelativePath, b => b.Id, StringComparer.Ordinal);
        return [.. from.Briefs.Select(b => ids.GetValueOrDefault(b.Source.RelativePath, -1))];
    }

    private static void AssertPlaces(SiteModel before, SiteModel after)
    {
        var diff = new ModelDiff(before, after);
        Assert.Equal(ByPath(before, after), diff.NewOf);
        Assert.Equal(ByPath(after, before), diff.OldOf);
        foreach (var brief in before.Briefs.Concat(after.Briefs))
        {
            var path = brief.Source.RelativePath;
            Assert.Equal(after.Briefs.FirstOrDefault(b => b.Source.RelativePath == path)?.Id, diff.NewId(path));
        }
    }

    [Fact]
    public void Briefs_added_removed_and_moved_near_or_far_are_matched_as_by_path()
    {
        var before = _site.Model();

        // The newest brief: every other is one place on.
        _site.Write("briefs/newest.md", BriefOn(900, DateOf(400)));
        AssertPlaces(before, _site.Model());
        // One in the middle too, and one gone: the briefs between are one place off, then none.
        _site.Write("briefs/middle.md", BriefOn(901, DateOf(150).AddHours(1)));
        _site.Delete(PathOf(40));
        AssertPlaces(before, _site.Model());
        // Moved a few days (found near its place), and moved across the site (found by path).
        _site.Write(PathOf(200), BriefOn(200, DateOf(196)));
        _site.Write(PathOf(10), BriefOn(10, DateOf(290).AddHours(1)));
        var after = _site.Model();
        AssertPlaces(before, after);
        AssertPlaces(after, before);
        // The oldest and the newest gone.
        _site.Delete(PathOf(0));
        _site.Delete("briefs/newest.md");
        AssertPlaces(after, _site.Model());
    }

    [Fact]
    public void An_edit_that_moves_no_brief_is_planned_without_the_new_models_table_of_paths()
    {
        var before = _site.Model();
        _site.Write(PathOf(120), BriefOn(120, DateOf(120), topics: "Chips, Cloud"));
        var after = _site.Model();
        var afterIds = LiveState.BriefIdsOf(after);
        var diff = new ModelDiff(before, after, LiveState.BriefIdsOf(before));

        Assert.Equal(Enumerable.Range(0, 300), diff.NewOf);
        Assert.Equal(Enumerable.Range(0, 300), diff.OldOf);
        Assert.Equal(before.Briefs.Single(b => b.Source.RelativePath == PathOf(120)).Id, diff.NewId(PathOf(120)));
        Assert.False(((BriefIds)diff.AfterIds).Made);
        // Read, the table is the one by path.
        Assert.Equal(after.Briefs.Length, afterIds.Count);
        Assert.All(after.Briefs, b => Assert.Equal(b.Id, afterIds[b.Source.RelativePath]));
        Assert.True(((BriefIds)afterIds).Made);
    }
}
