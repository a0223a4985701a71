using StaticBriefs.Search;

namespace StaticBriefs.Tests.Search;

public sealed class OrdinalOrderTests
{
    [Fact]
    public void Strings_added_later_are_merged_into_the_order_a_full_sort_gives()
    {
        var table = new List<string> { "model", "alpha", "zeta", "Zulu", "mu" };
        var order = new OrdinalOrder();
        Assert.Equal(Sorted(table), order.Of(table));

        // New strings before, between and after the known ones, including one that sorts first by ordinal only.
        table.AddRange(["beta", "aardvark", "zz", "Alpha", "mub", "é"]);
        Assert.Equal(Sorted(table), order.Of(table));
        table.Add("m");
        Assert.Equal(Sorted(table), order.Of(table));
        Assert.Same(order.Of(table), order.Of(table));
    }

    [Fact]
    public void A_table_that_shrinks_is_refused()
    {
        var order = new OrdinalOrder();
        order.Of(["a", "b"]);
        Assert.Throws<InvalidOperationException>(() => order.Of(["a"]));
    }

    private static int[] Sorted(List<string> table) =>
        [.. Enumerable.Range(0, table.Count).OrderBy(i => table[i], StringComparer.Ordinal)];
}
