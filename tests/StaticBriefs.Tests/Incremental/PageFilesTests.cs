using System.Globalization;
using StaticBriefs.Diagnostics;
using StaticBriefs.Incremental;
using StaticBriefs.Loading;
using StaticBriefs.Model;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Incremental;

/// <summary>What an edit's new site no longer makes, worked out from the two sites' differences alone, is what listing both sites gives.</summary>
public sealed class PageFilesTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    private SiteModel Assemble() => _site.Model();

    private void Brief(int n, int year, int month, string tags, string? slug = null) =>
        _site.Write($"briefs/b{n}.md", TestSite.Brief(string.Create(CultureInfo.InvariantCulture,
            $"title: Brief {n}\ndate: {year}-{month:00}-{1 + n % 27:00}\n{tags}{(slug is null ? "" : "\nslug: " + slug)}")));

    [Fact]
    public void Sixty_random_edits_in_a_row_each_remove_what_the_site_before_made_and_the_site_after_does_not()
    {
        _site.Write("_site.yml", "title: T\nbase_url: https://example.org/\npage_size: 3\n");
        _site.Write("_data/companies.yml", "- name: Anthropic\n- name: OpenAI\n- name: Mistral\n");
        var random = new Random(20261130);
        var briefs = new HashSet<int>();
        string Tags() => $"companies: [{(random.Next(3) switch { 0 => "Anthropic", 1 => "OpenAI", _ => "Mistral" })}]\ntopics: [Topic {random.Next(6)}]";
        // Over 250 briefs in 2024, so its archive is split into month pages.
        for (var n = 0; n < 260; n++)
        {
            Brief(n, n < 255 ? 2024 : 2023, 1 + n % 12, Tags());
            briefs.Add(n);
        }
        var before = Assemble();
        var files = PageFiles.Of(before);
        var next = 1000;
        var editsRemovingFiles = 0;
        for (var edit = 0; edit < 60; edit++)
        {
            var pick = briefs.ElementAt(random.Next(briefs.Count));
            switch (random.Next(5))
            {
                case 0: // Another year or month: the archive and the home pages' slices change.
                    Brief(pick, 2020 + random.Next(6), 1 + random.Next(12), Tags());
                    break;
                case 1: // Added: one more home page now and then, a new entity sometimes.
                    Brief(next, 2024, 1 + random.Next(12), Tags() + (random.Next(3) == 0 ? $"\npeople: [Person {next}]" : ""));
                    briefs.Add(next++);
                    break;
                case 2: // Deleted: a term may lose its last brief, a year or month its last.
                    _site.Delete($"briefs/b{pick}.md");
                    briefs.Remove(pick);
                    break;
                case 3: // Another URL.
                    Brief(pick, 2024, 1 + random.Next(12), Tags(), $"moved-{edit}");
                    break;
                default: // Other tags: terms gain and lose pages.
                    Brief(pick, 2024, 1 + pick % 12, Tags());
                    break;
            }
            var after = Assemble();
            var expected = PageFiles.Of(after);
            var removed = PageFiles.Removed(new ModelDiff(before, after));
            var gone = new HashSet<string>(files, StringComparer.Ordinal);
            gone.ExceptWith(expected);
            Assert.True(gone.SetEquals(removed), $"edit {edit}: removed {string.Join(", ", removed.Take(5))}; expected {string.Join(", ", gone.Take(5))}");
            if (removed.Count > 0) editsRemovingFiles++;
            (before, files) = (after, expected);
        }
        // Deletions, moves and new URLs remove files: the comparison above was not only of empty sets.
        Assert.True(editsRemovingFiles >= 10, $"only {editsRemovingFiles} edits removed files");
    }
}
