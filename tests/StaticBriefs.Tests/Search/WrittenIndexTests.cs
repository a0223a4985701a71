using System.Collections.Immutable;
using StaticBriefs.Output;
using StaticBriefs.Search;

namespace StaticBriefs.Tests.Search;

/// <summary>
/// Preview's partial writes of the search index: a remembering builder compares each write with its last one and
/// writes only the files whose bytes change, names the files no longer made, and the folder then holds exactly what a
/// fresh builder writes for the same documents.
/// </summary>
public sealed partial class WrittenIndexTests
{
    /// <summary>A sink that keeps every file like an output folder and records what each write touched.</summary>
    private sealed class Folder : IOutputSink
    {
        public InMemoryOutputSink Files { get; } = new();

        public List<string> Written { get; } = [];

        public void WriteText(string relativePath, string content) => WriteBytes(relativePath, System.Text.Encoding.UTF8.GetBytes(content));

        public void WriteBytes(string relativePath, ReadOnlySpan<byte> content)
        {
            lock (Written) Written.Add(relativePath);
            Files.WriteBytes(relativePath, content);
        }
    }

    /// <summary>Preview's use of the builder: a remembering one for the full build, then partial writes as PartialRebuild makes them.</summary>
    private sealed class Preview
    {
        private readonly SearchIndexLayout _layout;

        public Preview(IEnumerable<SearchDocument> documents, SearchIndexLayout? layout = null)
        {
            _layout = layout ?? SearchIndexLayout.Flat;
            Documents = [.. documents];
            Builder = SearchIndexBuilder.Remembering();
            foreach (var document in Documents) Builder.Add(document);
            Builder.SetEntities(SearchFixtures.Entities(Documents));
            Builder.Write(Output, _layout);
        }

        public SearchIndexBuilder Builder { get; private set; }

        public List<SearchDocument> Documents { get; private set; }

        public Folder Output { get; } = new();

        public SearchIndexStats? Last { get; private set; }

        /// <summary>A content edit: the brief keeps its id, its values and its place (PartialRebuild's ContentOnly).</summary>
        public SearchIndexStats EditContent(int id, Func<SearchDocument, SearchDocument> change)
        {
            var index = Documents.FindIndex(d => d.Id == id);
            Documents[index] = change(Documents[index]);
            Builder.Add(Documents[index]);
            return Written(Builder.Write(Output, _layout, new HashSet<int> { id }));
        }

        /// <summary>
        /// Any other edit: <paramref name="next"/> is the new site's briefs (ids 0.. by date, newest first), the
        /// builder is renumbered by path and the briefs not carried over unchanged are added again.
        /// </summary>
        public SearchIndexStats Replace(IEnumerable<SearchDocument> next)
        {
            var after = next.OrderByDescending(d => d.Date).ThenBy(d => d.Path, StringComparer.Ordinal).Select((d, i) => d with { Id = i }).ToList();
            var newIds = new Dictionary<int, int>();
            foreach (var document in Documents)
            {
                var now = after.FindIndex(d => d.Path == document.Path);
                if (now >= 0) newIds[document.Id] = now;
            }
            Builder = Builder.Renumbered(newIds);
            foreach (var document in after)
            {
                if (Documents.Find(d => d.Path == document.Path) is not { } before || before with { Id = document.Id } != document) Builder.Add(document);
            }
            Documents = after;
            Builder.SetEntities(SearchFixtures.Entities(Documents));
            return Written(Builder.Write(Output, _layout));
        }

        private SearchIndexStats Written(SearchIndexStats stats)
        {
            foreach (var file in stats.Stale ?? []) Output.Files.Files.TryRemove(file, out _);
            Last = stats;
            return stats;
        }

        /// <summary>The folder holds what a fresh builder writes for the same documents: the same files, the same bytes.</summary>
        public void AssertSameAsFresh()
        {
            var fresh = new SearchIndexBuilder();
            foreach (var document in Documents) fresh.Add(document);
            fresh.SetEntities(SearchFixtures.Entities(Documents));
            var expected = new InMemoryOutputSink();
            var stats = fresh.Write(expected, _layout);
            Assert.Equal(expected.Files.Keys.Order(StringComparer.Ordinal), Output.Files.Files.Keys.Order(StringComparer.Ordinal));
            foreach (var (file, bytes) in expected.Files) Assert.True(bytes.AsSpan().SequenceEqual(Output.Files.Files[file]), file + " differs from a fresh write");
            if (Last is { } last)
            {
                Assert.Equal(stats.Bytes, last.Bytes);
                Assert.Equal(stats.Shards, last.Shards);
                Assert.Equal(stats.Terms, last.Terms);
            }
        }

        public void StartRecording() => Output.Written.Clear();

        public int Count(string folder) => Output.Files.Files.Keys.Count(f => f.StartsWith("search/" + folder, StringComparison.Ordinal));

        public int WrittenIn(string folder) => Output.Written.Count(f => f.StartsWith("search/" + folder, StringComparison.Ordinal));
    }

    private static List<SearchDocument> Corpus(int count = 120) => [.. SearchFixtures.Synthetic(count)];

    [Fact]
    public void A_body_edit_with_a_new_word_in_the_middle_of_the_order_writes_its_shard_and_little_else()
    {
        var preview = new Preview(Corpus());
        Assert.True(preview.Count("shards/") > 20, "the corpus must span many shards");
        preview.StartRecording();

        var stats = preview.EditContent(40, d => d with { BodyText = d.BodyText + " mmmnewword" });

        preview.AssertSameAsFresh();
        Assert.NotNull(stats.Stale);
        Assert.Empty(stats.Stale);
        // The new term's shard, perhaps a neighbour whose impacts moved, never all of them; no display file but the edited one's.
        Assert.InRange(preview.WrittenIn("shards/"), 1, preview.Count("shards/") / 4);
        Assert.InRange(preview.WrittenIn("docs/"), 0, 1);
        Assert.Equal(0, preview.WrittenIn("facets"));
        // Typo-dictionary pieces are cut by size, so those after the new word's may shift; those before it stand.
        Assert.DoesNotContain("search/dict/0.json", preview.Output.Written);
        Assert.InRange(preview.WrittenIn("dict/"), 1, preview.Count("dict/") - 1);
        Assert.Contains("search/meta.json", preview.Output.Written);
    }

    [Fact]
    public void A_term_that_disappears_is_left_out_and_the_shards_after_it_stay_identical_to_a_fresh_write()
    {
        var documents = Corpus();
        documents[7] = documents[7] with { BodyText = documents[7].BodyText + " aaaonlyhere qqqonlyhere" };
        var preview = new Preview(documents);

        preview.EditContent(7, d => d with { BodyText = d.BodyText.Replace(" aaaonlyhere qqqonlyhere", "", StringComparison.Ordinal) });
        preview.AssertSameAsFresh();

        // And back: the terms are known to the builder's table, and come back in their place.
        preview.EditContent(7, d => d with { BodyText = d.BodyText + " qqqonlyhere" });
        preview.AssertSameAsFresh();
    }

    [Fact]
    public void Shard_boundaries_that_move_and_shards_no_longer_made_are_written_and_named_stale()
    {
        var preview = new Preview(Corpus());
        var shards = preview.Count("shards/");
        // Hundreds of new words across the alphabet: shards grow, split and shift.
        var words = string.Join(' ', Enumerable.Range(0, 600).Select(i => $"{(char)('a' + (i % 26))}{(char)('a' + (i * 7 % 26))}x{i}"));

        var grown = preview.EditContent(3, d => d with { BodyText = d.BodyText + " " + words });
        preview.AssertSameAsFresh();
        Assert.True(preview.Count("shards/") > shards, "the new words make more shards");
        Assert.Empty(grown.Stale!);

        var shrunk = preview.EditContent(3, d => d with { BodyText = d.BodyText.Replace(" " + words, "", StringComparison.Ordinal) });
        preview.AssertSameAsFresh();
        Assert.Equal(shards, preview.Count("shards/"));
        Assert.Contains($"search/shards/{shards}.json", shrunk.Stale!);
    }

    [Fact]
    public void Adding_a_brief_at_the_top_moves_every_id_and_the_index_equals_a_fresh_one()
    {
        var preview = new Preview(Corpus());
        var added = preview.Documents[0] with { Path = "/briefs/added/", Title = "Added brief about zeppelins", Date = preview.Documents[0].Date.AddDays(1), Companies = ["Brand New Corp"] };

        var stats = preview.Replace(preview.Documents.Append(added));

        preview.AssertSameAsFresh();
        Assert.Empty(stats.Stale!);
    }

    [Fact]
    public void Deleting_a_brief_names_its_last_display_file_and_the_facet_files_no_value_needs_any_more()
    {
        var documents = Corpus();
        documents[^1] = documents[^1] with { Companies = ["Only Here Corp"], People = ["Only Here Person"] };
        var preview = new Preview(documents);
        Assert.Contains("search/facets/company/only-here-corp.json", preview.Output.Files.Files.Keys);

        var stats = preview.Replace(preview.Documents.Take(preview.Documents.Count - 1));

        Assert.Contains($"search/docs/{documents.Count - 1}.json", stats.Stale!);
        Assert.Contains("search/facets/company/only-here-corp.json", stats.Stale!);
        preview.AssertSameAsFresh();

        // And one from the middle: every later id moves down.
        preview.Replace(preview.Documents.Where(d => d.Id != 50));
        preview.AssertSameAsFresh();
    }

    [Fact]
    public void A_date_edit_moving_a_brief_across_the_site_equals_a_fresh_write()
    {
        var preview = new Preview(Corpus());
        var moved = preview.Documents[90];

        preview.Replace(preview.Documents.Select(d => d.Path == moved.Path ? d with { Date = preview.Documents[5].Date.AddMinutes(1) } : d));
        preview.AssertSameAsFresh();

        preview.Replace(preview.Documents.Select(d => d.Path == moved.Path ? d with { Date = moved.Date.AddYears(-3) } : d));
        preview.AssertSameAsFresh();
    }

    [Fact]
    public void A_tag_edit_that_changes_entity_pages_and_facets_rewrites_the_shards_naming_them()
    {
        var preview = new Preview(Corpus());
        var rare = preview.Documents.SelectMany(d => d.Companies).GroupBy(c => c).First(g => g.Count() == 1).Key;
        var carrier = preview.Documents.First(d => d.Companies.Contains(rare));
        preview.StartRecording();

        // Another brief names the rare company: its page counts two briefs now, and its facet list grows.
        preview.Replace(preview.Documents.Select(d => d.Id == (carrier.Id + 1) % preview.Documents.Count ? d with { Companies = d.Companies.Add(rare) } : d));

        preview.AssertSameAsFresh();
        Assert.True(preview.WrittenIn("shards/") > 0);
        Assert.True(preview.WrittenIn("docs/") < preview.Count("docs/") / 2, "display files of untouched briefs are kept");
    }

    [Fact]
    public void A_run_of_mixed_edits_stays_identical_to_fresh_writes_after_each()
    {
        var preview = new Preview(Corpus(90));
        preview.EditContent(10, d => d with { Title = "Retitled about lighthouses" });
        preview.AssertSameAsFresh();
        preview.EditContent(10, d => d with { Summary = "A summary with a brandnewterm." });
        preview.AssertSameAsFresh();
        preview.Replace(preview.Documents.Where(d => d.Id != 3));
        preview.AssertSameAsFresh();
        preview.EditContent(20, d => d with { BodyText = "Short now." });
        preview.AssertSameAsFresh();
        preview.Replace(preview.Documents.Append(preview.Documents[30] with { Path = "/briefs/copy/", Date = preview.Documents[30].Date.AddHours(-1) }));
        preview.AssertSameAsFresh();
        preview.Replace(preview.Documents.Select(d => d.Id == 0 ? d with { Topics = [] } : d));
        preview.AssertSameAsFresh();
    }

    [Fact]
    public void Many_content_edits_that_move_the_average_lengths_keep_every_impact_what_a_fresh_write_computes()
    {
        // Each edit lengthens or shortens a body, title or summary: the averages move, every document's norms with them,
        // and the impacts kept from earlier writes must still be the ones a fresh write rounds to.
        var preview = new Preview(Corpus(100));
        var random = new Random(7);
        for (var edit = 0; edit < 25; edit++)
        {
            var id = random.Next(preview.Documents.Count);
            var words = random.Next(1, 400);
            var filler = string.Join(' ', Enumerable.Range(0, words).Select(i => $"w{random.Next(50)}"));
            preview.EditContent(id, d => (edit % 3) switch
            {
                0 => d with { BodyText = random.Next(2) == 0 ? d.BodyText + " " + filler : d.BodyText[..(d.BodyText.Length / 2)] },
                1 => d with { Title = d.Title + " " + string.Join(' ', filler.Split(' ').Take(4)) },
                _ => d with { Summary = filler },
            });
            preview.AssertSameAsFresh();
        }
    }

    [Fact]
    public void Several_briefs_a_display_file_are_compared_file_by_file()
    {
        var layout = new SearchIndexLayout(false, 4);
        var preview = new Preview(Corpus(), layout);
        preview.StartRecording();

        // The 14th newest of 120 briefs: written id 106 (ids count from the oldest), in file 26.
        preview.EditContent(13, d => d with { Title = "A new title for a brief in file 26" });
        preview.AssertSameAsFresh();
        Assert.Equal(["search/docs/26.json"], preview.Output.Written.Where(f => f.StartsWith("search/docs/", StringComparison.Ordinal)));

        preview.Replace(preview.Documents.Where(d => d.Id != 2));
        preview.AssertSameAsFresh();
    }

    [Fact]
    public void A_versioned_index_is_written_whole_every_time_and_names_nothing_stale()
    {
        var layout = new SearchIndexLayout(true, 1);
        var preview = new Preview(Corpus(60), layout);
        var files = preview.Output.Files.Files.Count;
        preview.StartRecording();

        var stats = preview.EditContent(5, d => d with { BodyText = d.BodyText + " versionedword" });

        Assert.Null(stats.Stale);
        Assert.True(preview.Output.Written.Count >= files - 1, "every file of the new version is written");
    }

    [Fact]
    public void Content_edits_fill_the_postings_arrays_of_the_write_before_the_last_and_stay_identical_to_fresh_writes()
    {
        var preview = new Preview(Corpus());
        Postings Current() => preview.Builder.Written!.Shards!.Postings;
        static SearchDocument Shorter(SearchDocument d) => d with { BodyText = string.Join(' ', d.BodyText.Split(' ')[..^3]) };
        var built = Current();
        // Nothing is spare yet: the first patch makes its own arrays, with room for a few more postings.
        preview.EditContent(40, Shorter);
        var firstPatch = Current();
        Assert.NotSame(built.Ids, firstPatch.Ids);
        preview.AssertSameAsFresh();

        // The full write's arrays are read by no write now: with words taken out, the postings fit in them.
        preview.EditContent(41, Shorter);
        var secondPatch = Current();
        Assert.Same(built.Ids, secondPatch.Ids);
        Assert.Same(built.Frequencies, secondPatch.Frequencies);
        Assert.Same(built.Impacts, secondPatch.Impacts);
        Assert.Same(built.Basis!.Norms, secondPatch.Basis!.Norms);
        preview.AssertSameAsFresh();

        // And on: the arrays alternate between two sets, whatever they held before (a few words more fit in the room).
        var original = preview.Documents.Single(d => d.Id == 42).BodyText;
        preview.EditContent(42, d => d with { BodyText = d.BodyText + " lighthouses and harbours" });
        Assert.Same(firstPatch.Ids, Current().Ids);
        preview.AssertSameAsFresh();
        preview.EditContent(42, d => d with { BodyText = original });
        Assert.Same(built.Ids, Current().Ids);
        preview.AssertSameAsFresh();
    }

    [Fact]
    public void A_builder_that_does_not_remember_writes_every_file_and_names_nothing_stale()
    {
        var builder = new SearchIndexBuilder();
        foreach (var document in Corpus(40)) builder.Add(document);
        var first = new Folder();
        builder.Write(first);
        var second = new Folder();

        var stats = builder.Write(second);

        Assert.Null(stats.Stale);
        Assert.Equal(first.Written.Order(StringComparer.Ordinal), second.Written.Order(StringComparer.Ordinal));
    }
}
