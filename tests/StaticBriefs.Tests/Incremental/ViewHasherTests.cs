using StaticBriefs.Incremental;

namespace StaticBriefs.Tests.Incremental;

public sealed class ViewHasherTests
{
    /// <summary>A view shown on many pages; mutable only so the test can tell a remembered hash from one made again.</summary>
    public sealed class Card : StaticBriefs.Rendering.Views.ISharedView
    {
        public string Title { get; set; } = "";

        public IReadOnlyList<string> Tags { get; set; } = [];
    }

    /// <summary>One page's own view (not shared): its body and the cards it shows.</summary>
    public sealed class Page
    {
        public string Body { get; set; } = "";

        public IReadOnlyList<Card> Cards { get; set; } = [];
    }

    [Fact]
    public void A_pages_own_views_are_hashed_as_before_but_not_held_and_the_cards_they_show_are_remembered()
    {
        var hasher = new ViewHasher();
        var card = new Card { Title = "Shared" };
        var (first, page) = HashPage(hasher, card, "Body one");

        // Same content, same hash, remembered or not: a page's hash in the build cache does not change.
        Assert.Equal(first, new ViewHasher().Hash(new Page { Body = "Body one", Cards = [new Card { Title = "Shared" }] }));
        Assert.NotEqual(first, HashPage(hasher, card, "Body two").Hash);
        // The page's view is not held by the hasher once the page is done with it.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(page.TryGetTarget(out _), "the hasher kept a page's own view alive");
        // The card is remembered: changed in place (views never are), it still hashes as it did.
        card.Title = "Changed";
        Assert.Equal(first, hasher.Hash(new Page { Body = "Body one", Cards = [card] }));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (string? Hash, WeakReference<Page> Page) HashPage(ViewHasher hasher, Card card, string body)
    {
        var page = new Page { Body = body, Cards = [card] };
        return (hasher.Hash(page), new WeakReference<Page>(page));
    }

    [Fact]
    public void Equal_views_hash_equal_and_a_different_field_hashes_differently()
    {
        var hasher = new ViewHasher();

        Assert.Equal(hasher.Hash(new Card { Title = "A", Tags = ["x"] }), hasher.Hash(new Card { Title = "A", Tags = ["x"] }));
        Assert.NotEqual(hasher.Hash(new Card { Title = "A", Tags = ["x"] }), hasher.Hash(new Card { Title = "A", Tags = ["y"] }));
    }

    [Fact]
    public void A_hasher_started_from_the_last_builds_takes_the_hashes_it_remembered_for_the_same_objects()
    {
        var card = new Card { Title = "Carried over" };
        var last = new ViewHasher();
        var before = last.Hash(new[] { card });
        // Views never change once made; changing this one shows whether the next build hashed it again.
        card.Title = "Changed";

        var next = new ViewHasher(last);

        Assert.Equal(before, next.Hash(new[] { card }));
        Assert.NotEqual(before, new ViewHasher().Hash(new[] { card }));
        // The build after that starts from this one's table: the hash it took over is there.
        Assert.Equal(before, new ViewHasher(next).Hash(new[] { card }));
    }

    [Fact]
    public void A_narrowed_hasher_hands_on_only_the_hashes_of_the_objects_it_keeps()
    {
        var kept = new Card { Title = "Kept" };
        var dropped = new Card { Title = "Dropped" };
        var last = new ViewHasher();
        var keptBefore = last.Hash(new[] { kept });
        var droppedBefore = last.Hash(new[] { dropped });
        kept.Title = dropped.Title = "Changed";

        var next = new ViewHasher(last.Narrowed(view => ReferenceEquals(view, kept)));

        Assert.Equal(keptBefore, next.Hash(new[] { kept }));
        Assert.NotEqual(droppedBefore, next.Hash(new[] { dropped }));
    }

    public static TheoryData<string> ListedViewTypes() =>
        [.. StaticBriefs.Rendering.Theme.ViewAccessors.Types.Select(t => t.FullName!)];

    /// <summary>
    /// View records templates read through listed getters are hashed through them too: the same members in the same
    /// order as reflection reads, so a page's hash (kept in the build cache) is the same either way.
    /// </summary>
    [Theory]
    [MemberData(nameof(ListedViewTypes))]
    public void A_listed_view_type_is_hashed_through_its_getters_reading_what_reflection_reads(string typeName)
    {
        var type = StaticBriefs.Rendering.Theme.ViewAccessors.Types.Single(t => t.FullName == typeName);
        var read = ViewHasher.Members(type).ToList();
        Assert.Equal(ViewHasher.Reflected(type).Select(m => m.Name), read.Select(m => m.Name));
        // The getters are the listed ones, not reflection's (whose delegates are PropertyInfo.GetValue).
        Assert.All(read, m => Assert.False(m.Get.Target is System.Reflection.PropertyInfo, m.Name));
    }
}
