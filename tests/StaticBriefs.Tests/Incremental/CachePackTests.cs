using StaticBriefs.Incremental;

namespace StaticBriefs.Tests.Incremental;

/// <summary><see cref="CachePack.ReadAll{T}"/> reads what <see cref="CachePack.Read{T}"/> reads, a window at a time.</summary>
public sealed class CachePackTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sb-pack-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private CachePack Write(params (string Key, string Text)[] entries)
    {
        var items = entries.Select(e => new PackItem('x', e.Key, e, w => w.Write(e.Text))).ToArray();
        using var written = CachePack.Write(_folder, null, items, "test.pack");
        var pack = CachePack.Open(Path.Combine(_folder, "test.pack"));
        foreach (var item in items) Spans.Add(item.Span!.Value);
        return pack;
    }

    private List<PackSpan> Spans { get; } = [];

    private static string?[] ReadAll(CachePack pack, IReadOnlyList<PackSpan> spans, Func<int, string> key) =>
        pack.ReadAll(spans, _ => 'x', key, (_, r) => r.ReadString());

    [Fact]
    public void Every_record_reads_as_it_reads_alone_in_any_order_and_across_windows()
    {
        // Records of 100 KB: a 1 MiB window holds ten, so thirty take several windows.
        var entries = Enumerable.Range(0, 30).Select(i => ($"k{i}", new string((char)('a' + (i % 26)), 100_000) + i)).ToArray();
        using var pack = Write(entries);
        var order = Enumerable.Range(0, entries.Length).Reverse().ToArray();

        var read = ReadAll(pack, [.. order.Select(i => Spans[i])], i => entries[order[i]].Item1);

        Assert.Equal(order.Select(i => entries[i].Item2), read);
        Assert.Equal(read, order.Select(i => pack.Read(Spans[i], 'x', entries[i].Item1, r => r.ReadString())));
    }

    [Fact]
    public void A_damaged_record_or_a_wrong_key_reads_as_null_and_its_neighbours_still_read()
    {
        using (var pack = Write(("a", "first"), ("b", "second"), ("c", "third"))) { }
        var path = Path.Combine(_folder, "test.pack");
        var bytes = File.ReadAllBytes(path);
        bytes[Spans[1].Offset + Spans[1].Length - 1] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
        using var damaged = CachePack.Open(path);
        string[] keys = ["a", "b", "wrong"];

        var read = ReadAll(damaged, Spans, i => keys[i]);

        Assert.Equal(new string?[] { "first", null, null }, read);
    }

    [Fact]
    public void Spans_outside_the_file_read_as_null()
    {
        using var pack = Write(("a", "only"));
        PackSpan[] spans = [Spans[0], new(Spans[0].Offset + 1_000_000, Spans[0].Length), new(-5, 20)];

        Assert.Equal(new string?[] { "only", null, null }, ReadAll(pack, spans, _ => "a"));
    }
}
