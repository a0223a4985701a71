using System.Diagnostics;
using System.Globalization;
using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;
using StaticBriefs.Model;
using StaticBriefs.Rendering.Markdown;
using StaticBriefs.Search;

namespace StaticBriefs.Benchmarks;

/// <summary>
/// <c>search-edits CORPUS [EDITS]</c>: the search index stage of preview's partial rebuild alone, on a real corpus's
/// briefs (bodies rendered once): one remembering write, then EDITS edits of each kind made to the builder as
/// PartialRebuild makes them (a body edit, a title edit renumbered in place, a date move, an add, a delete), each
/// write timed, into a sink that hashes what it is given as preview's sink does. Prints medians per kind; a quicker
/// loop than <c>live</c> when working on the index writer.
/// </summary>
internal static class SearchEditsCommand
{
    public static int Run(string[] args)
    {
        if (args.Length < 1) { Console.Error.WriteLine("usage: search-edits CORPUS_INPUT_DIR [EDITS]"); return 2; }
        var edits = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var diagnostics = new DiagnosticBag();
        var loaded = SiteLoader.Load(args[0], diagnostics);
        var site = SiteAssembler.Assemble(loaded, new AssemblyOptions(false, true, DateTimeOffset.UtcNow), diagnostics);
        var markdown = new MarkdownRenderer(MarkdownPipelineFactory.Create(new MarkdownOptions(false)),
            new LinkContext("/", site.KnownPaths, site.PathsBySource, new HashSet<string>()));
        var documents = site.Briefs.AsParallel().AsOrdered().Select(brief =>
        {
            var body = markdown.Render(brief.Source.Body, brief.Source.RelativePath, 1, new DiagnosticBag());
            return new SearchDocument(brief.Id, brief.Path, brief.Source.Title, brief.Source.Summary ?? "", brief.Date,
                [.. brief.Source.Companies.Select(m => m.Name)], [.. brief.Source.People.Select(m => m.Name)], [.. brief.Source.Topics.Select(m => m.Name)], body.PlainText)
            { Headings = body.Headings, Lead = body.Lead };
        }).ToList();
        var entities = TaxonomyKinds.All.SelectMany(k => site[k].ByName.Select(t => new SearchEntity(k.Singular(), t.Name, t.Path, t.Count))).ToList();

        var builder = SearchIndexBuilder.Remembering();
        Parallel.ForEach(documents, builder.Add);
        builder.SetEntities(entities);
        // Preview's layout: unversioned, with stable ids (SearchIndexLayout.ForSite), as PartialRebuild writes it.
        var layout = SearchIndexLayout.ForSite(versioned: false, site.Settings.SearchDocsPerFile);
        var sink = new HashingSink();
        var clock = Stopwatch.StartNew();
        var stats = builder.Write(sink, layout);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{stats.Documents} briefs, {stats.Terms} terms, {stats.Shards} shards, {sink.Files} files; first write {clock.Elapsed.TotalMilliseconds:F0} ms"));

        var middle = documents.Count / 2;
        void Measure(string kind, Func<int, SearchIndexStats> edit)
        {
            var times = new List<double>();
            var cpu = new List<double>();
            var files = new List<double>();
            var pause = GC.GetTotalPauseDuration();
            var gen2 = GC.CollectionCount(2);
            for (var i = 0; i < edits; i++)
            {
                var before = sink.Files;
                // Process CPU time too: on a shared machine it varies less than wall time.
                var process = Process.GetCurrentProcess();
                var started = process.TotalProcessorTime;
                clock.Restart();
                edit(i);
                times.Add(clock.Elapsed.TotalMilliseconds);
                process.Refresh();
                cpu.Add((process.TotalProcessorTime - started).TotalMilliseconds);
                files.Add(sink.Files - before);
            }
            times.Sort();
            cpu.Sort();
            files.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{kind,-8} median {times[times.Count / 2],6:F1} ms (min {times[0]:F1}, max {times[^1]:F1}), CPU {cpu[cpu.Count / 2],6:F1} ms, files written {files[files.Count / 2]:F0}; GC pauses {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds / edits:F1} ms an edit, {GC.CollectionCount(2) - gen2} gen2"));
        }

        Measure("body", i =>
        {
            documents[middle] = documents[middle] with { BodyText = documents[middle].BodyText + $" Edit number {i}." };
            builder.Add(documents[middle]);
            return builder.Write(sink, layout, new HashSet<int> { middle });
        });
        // A title edit takes the renumbering path with every id where it was (its card changed).
        Measure("title", i =>
        {
            documents[middle] = documents[middle] with { Title = $"Retitled brief {i}" };
            builder = builder.Renumbered(documents.ToDictionary(d => d.Id, d => d.Id));
            builder.Add(documents[middle]);
            builder.SetEntities(entities);
            return builder.Write(sink, layout);
        });
        Measure("date", i =>
        {
            // The middle brief moves to a third of the way and back: every id between shifts by one.
            var from = i % 2 == 0 ? middle : documents.Count / 3;
            var to = i % 2 == 0 ? documents.Count / 3 : middle;
            return Move(from, to);
        });
        Measure("add", i =>
        {
            var added = documents[middle] with { Path = $"/briefs/added-{i}/", Title = $"Probe brief {i}", BodyText = $"A new brief, number {i}." };
            return Insert(middle, added);
        });
        Measure("delete", i => Remove(documents.Count / 3 + i));
        return 0;

        SearchIndexStats Renumber(Dictionary<int, int> newIds, List<SearchDocument> next, int changed)
        {
            documents = next;
            builder = builder.Renumbered(newIds);
            if (changed >= 0) builder.Add(documents[changed]);
            builder.SetEntities(entities);
            return builder.Write(sink, layout);
        }
        SearchIndexStats Move(int from, int to)
        {
            var next = documents.ToList();
            var moved = next[from];
            next.RemoveAt(from);
            next.Insert(to, moved);
            return Renumber(Ids(next), Reindex(next), to);
        }
        SearchIndexStats Insert(int at, SearchDocument added)
        {
            var next = documents.ToList();
            next.Insert(at, added with { Id = -1 });
            return Renumber(Ids(next), Reindex(next), at);
        }
        SearchIndexStats Remove(int at)
        {
            var next = documents.ToList();
            next.RemoveAt(at);
            return Renumber(Ids(next), Reindex(next), -1);
        }
        static Dictionary<int, int> Ids(List<SearchDocument> next)
        {
            var ids = new Dictionary<int, int>();
            for (var i = 0; i < next.Count; i++)
            {
                if (next[i].Id >= 0) ids[next[i].Id] = i;
            }
            return ids;
        }
        static List<SearchDocument> Reindex(List<SearchDocument> next) => [.. next.Select((d, i) => d with { Id = i })];
    }

    /// <summary>Hashes every file as preview's sink does before it compares, and counts them.</summary>
    private sealed class HashingSink : StaticBriefs.Output.IOutputSink
    {
        private int _files;

        public int Files => _files;

        public void WriteText(string relativePath, string content) => WriteBytes(relativePath, System.Text.Encoding.UTF8.GetBytes(content));

        public void WriteBytes(string relativePath, ReadOnlySpan<byte> content)
        {
            System.IO.Hashing.XxHash128.Hash(content);
            Interlocked.Increment(ref _files);
        }
    }
}
