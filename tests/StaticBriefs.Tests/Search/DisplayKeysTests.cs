using System.Collections.Immutable;
using StaticBriefs.Search;

namespace StaticBriefs.Tests.Search;

/// <summary>
/// The key of a display file (<see cref="DisplayKeys"/>), by which a cached build takes the last version's file instead
/// of making it: equal for files written from the same fields and lists, different when any of them differs.
/// </summary>
public sealed class DisplayKeysTests
{
    private static readonly IndexedDocument Brief = new(4, "/briefs/acme-hires/", "Acme hires a chief scientist", "Who moved where.",
        new DateTimeOffset(2026, 3, 14, 9, 0, 0, TimeSpan.Zero), ["Acme", "Globex"], ["Ada Lovelace"], ["Hiring"], "The excerpt.", [], [], [0, 0, 0, 0, 0])
    { Verbs = ["hired"] };

    private static readonly IndexedDocument Other = new(5, "/briefs/globex-funding/", "Globex raises", "Money.",
        new DateTimeOffset(2026, 3, 15, 9, 0, 0, TimeSpan.Zero), ["Globex"], [], ["Funding", "Hiring"], "Another excerpt.", [], [], [0, 0, 0, 0, 0]);

    private static UInt128 KeyOf(params IndexedDocument[] documents) =>
        new DisplayKeys(FacetLists.Build([.. documents.OrderBy(d => d.Id)], [])).Of(documents);

    [Fact]
    public void Files_written_from_the_same_fields_and_lists_have_one_key()
    {
        Assert.Equal(KeyOf(Brief), KeyOf(Brief with { }));
        Assert.Equal(KeyOf(Brief, Other), KeyOf(Brief with { }, Other with { }));
    }

    [Fact]
    public void Any_field_a_file_shows_changes_its_key()
    {
        var key = KeyOf(Brief);
        IndexedDocument[] changed =
        [
            Brief with { Id = 3 },
            Brief with { Path = "/briefs/acme-hires-2/" },
            Brief with { Title = "Acme hires a chief scientist." },
            Brief with { Summary = "Who moved where?" },
            Brief with { Date = Brief.Date.AddDays(1) },
            Brief with { Excerpt = "The excerpt, longer." },
            Brief with { Companies = ["Acme"] },
            Brief with { Companies = ["Globex", "Acme"] },
            Brief with { People = [] },
            Brief with { Topics = ["Hiring", "Funding"] },
            Brief with { Verbs = ["joined"] },
        ];
        Assert.All(changed, brief => Assert.NotEqual(key, KeyOf(brief)));
        Assert.Equal(changed.Length, changed.Select(brief => KeyOf(brief)).Distinct().Count());
    }

    [Fact]
    public void A_list_the_file_embeds_changes_its_key_when_another_brief_joins_the_value()
    {
        // Among 30 more briefs Globex is in few, so brief 4's file carries its list (a common value's list would be in
        // facets.json): one more brief naming Globex is another file.
        var others = Enumerable.Range(10, 30).Select(id => Other with { Id = id, Companies = ["Initech"], Topics = [] }).ToList();
        var alone = new DisplayKeys(FacetLists.Build([Brief, .. others], [])).Of([Brief]);
        var withOther = new DisplayKeys(FacetLists.Build([Brief, Other, .. others], [])).Of([Brief]);
        var again = new DisplayKeys(FacetLists.Build([Brief, .. others], [])).Of([Brief]);

        Assert.NotEqual(alone, withOther);
        Assert.Equal(alone, again);
    }

    [Fact]
    public void Text_is_not_confused_with_another_split_of_the_same_characters()
    {
        var split = Brief with { Title = "Acme hires", Summary = " a chief scientist" + Brief.Summary };
        var joined = Brief with { Title = "Acme hires a chief scientist", Summary = Brief.Summary };

        Assert.NotEqual(KeyOf(split), KeyOf(joined));
        Assert.NotEqual(KeyOf(Brief with { Companies = ["AcmeGlobex"] }), KeyOf(Brief with { Companies = ["Acme", "Globex"] }));
    }

    [Fact]
    public void A_key_does_not_depend_on_the_files_keyed_before_it()
    {
        var keys = new DisplayKeys(FacetLists.Build([Brief, Other], []));
        var first = keys.Of([Other]);
        // A long file in between: what it left in the keys' buffer must not reach the next key.
        var longer = Brief with { Excerpt = new string('x', 20_000) };
        keys.Of([longer]);

        Assert.Equal(first, keys.Of([Other]));
        Assert.Equal(first, new DisplayKeys(FacetLists.Build([Brief, Other], [])).Of([Other]));
    }
}
