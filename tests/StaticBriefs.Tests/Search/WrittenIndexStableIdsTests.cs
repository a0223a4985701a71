using StaticBriefs.Search;

namespace StaticBriefs.Tests.Search;

/// <summary>Preview's writes with stable ids (an unversioned site index): the same as fresh writes, with fewer files.</summary>
public sealed partial class WrittenIndexTests
{
    private static readonly SearchIndexLayout StableLayout = new(false, 1) { StableIds = true };

    [Fact]
    public void With_stable_ids_adds_deletes_and_date_edits_equal_fresh_writes_and_patch_the_postings()
    {
        // Enough briefs that one more or less moves the average lengths less than most impacts' margins, as on a site.
        var preview = new Preview(Corpus(1000), StableLayout);
        var top = preview.Documents[0];

        var added = preview.Replace(preview.Documents.Append(top with { Path = "/briefs/added/", Title = "Added about zeppelins", Date = top.Date.AddDays(1) }));
        preview.AssertSameAsFresh();
        var middle = preview.Replace(preview.Documents.Append(preview.Documents[60] with { Path = "/briefs/b60-copy/", Date = preview.Documents[60].Date.AddMinutes(-1) }));
        preview.AssertSameAsFresh();
        var deleted = preview.Replace(preview.Documents.Where(d => d.Path != "/briefs/b40/"));
        preview.AssertSameAsFresh();
        var redated = preview.Replace(preview.Documents.Select(d => d.Path == "/briefs/b90/" ? d with { Date = top.Date.AddHours(3) } : d));
        preview.AssertSameAsFresh();
        preview.EditContent(preview.Documents[7].Id, d => d with { BodyText = d.BodyText + " zeppelins again" });
        preview.AssertSameAsFresh();
        preview.Replace(preview.Documents.Where(d => d.Path != "/briefs/added/").Select(d => d.Path == "/briefs/b10/" ? d with { Topics = [] } : d));
        preview.AssertSameAsFresh();

        Assert.All([added, middle, deleted, redated], stats => Assert.True(stats.PostingsPatched));
    }

    [Fact]
    public void With_stable_ids_an_added_or_dated_brief_writes_its_own_display_file_and_few_others()
    {
        var stable = new Preview(Corpus(), StableLayout);
        var byDate = new Preview(Corpus());
        var top = stable.Documents[0];
        var added = top with { Path = "/briefs/added/", Title = "Added about zeppelins", Date = top.Date.AddDays(1), Companies = ["Brand New Corp"], People = [], Topics = [] };

        stable.StartRecording();
        byDate.StartRecording();
        stable.Replace(stable.Documents.Append(added));
        byDate.Replace(byDate.Documents.Append(added));

        // The new brief's file, and those of the few briefs whose slot its probe took; by date, counted from the oldest,
        // the newest brief takes the next id and moves none.
        Assert.InRange(stable.WrittenIn("docs/"), 1, 4);
        Assert.Equal(1, byDate.WrittenIn("docs/"));
        byDate.AssertSameAsFresh();

        // A brief naming values other briefs carry: their lists are in the values' own files, not in those briefs' data.
        stable.StartRecording();
        stable.Replace(stable.Documents.Append(stable.Documents[60] with { Path = "/briefs/b60-copy/", Date = top.Date.AddDays(2) }));
        Assert.InRange(stable.WrittenIn("docs/"), 1, 4);
        Assert.True(stable.WrittenIn("facets/") + (stable.Output.Written.Contains("search/facets.json") ? 1 : 0) > 0);
        stable.AssertSameAsFresh();

        // A brief dated anew: by date, every brief between its old and new place moves, and with them postings and
        // the lists in the data of every brief sharing a value with one of them.
        stable.StartRecording();
        byDate.StartRecording();
        stable.Replace(stable.Documents.Select(d => d.Path == "/briefs/b90/" ? d with { Date = top.Date.AddHours(3) } : d));
        byDate.Replace(byDate.Documents.Select(d => d.Path == "/briefs/b90/" ? d with { Date = top.Date.AddHours(3) } : d));
        Assert.Equal(["search/docs/"], stable.Output.Written.Where(f => f != "search/meta.json").Select(f => f[..12]).Distinct());
        Assert.Equal(1, stable.WrittenIn("docs/"));
        Assert.True(byDate.WrittenIn("docs/") > 50, $"{byDate.WrittenIn("docs/")} display files");
    }
}
