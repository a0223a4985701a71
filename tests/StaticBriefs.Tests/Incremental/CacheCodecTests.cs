using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using StaticBriefs.Diagnostics;
using StaticBriefs.Incremental;
using StaticBriefs.Model;
using StaticBriefs.Rendering.Markdown;

namespace StaticBriefs.Tests.Incremental;

/// <summary>
/// The cache's binary codec writes records field by field. These tests fill every public property of the records it
/// stores by reflection (a property added later is filled too) and check each comes back equal, so a field the codec
/// forgets cannot make a cached build differ from a clean one.
/// </summary>
public sealed class CacheCodecTests
{
    [Fact]
    public void A_document_with_every_property_set_comes_back_equal()
    {
        var document = Filled<SourceDocument>();
        var back = RoundTrip(w => CacheCodec.WriteDocument(w, document), r => CacheCodec.ReadDocument(r));
        AssertDeepEqual(document, back, nameof(SourceDocument));
    }

    [Fact]
    public void A_document_with_defaults_and_nulls_comes_back_equal()
    {
        var document = new SourceDocument { RelativePath = "a.md", Kind = DocumentKind.Page, Title = "", Body = "" };
        var back = RoundTrip(w => CacheCodec.WriteDocument(w, document), r => CacheCodec.ReadDocument(r));
        AssertDeepEqual(document, back, nameof(SourceDocument));
    }

    [Fact]
    public void Front_matter_extras_keep_their_values_types_and_key_order()
    {
        var nested = new Dictionary<string, object?>(StringComparer.Ordinal) { ["z"] = "last written first", ["a"] = false };
        var document = new SourceDocument
        {
            RelativePath = "a.md", Kind = DocumentKind.Brief, Title = "t", Body = "b",
            Extra = ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, object?>
            {
                ["text"] = "x", ["yes"] = true, ["none"] = null, ["list"] = new List<object?> { "1", null, nested },
            }),
        };
        var back = RoundTrip(w => CacheCodec.WriteDocument(w, document), r => CacheCodec.ReadDocument(r));

        var list = Assert.IsType<List<object?>>(back.Extra["list"]);
        var map = Assert.IsType<Dictionary<string, object?>>(list[2]);
        Assert.Equal(["z", "a"], map.Keys);
        Assert.Equal(StringComparer.Ordinal, back.Extra.KeyComparer);
        AssertDeepEqual(document, back, nameof(SourceDocument));
    }

    [Fact]
    public void A_front_matter_value_the_loader_never_makes_is_refused_rather_than_changed()
    {
        var document = new SourceDocument
        {
            RelativePath = "a.md", Kind = DocumentKind.Brief, Title = "t", Body = "b",
            Extra = ImmutableDictionary<string, object?>.Empty.WithComparers(StringComparer.Ordinal).Add("n", 42),
        };
        using var writer = new BinaryWriter(new MemoryStream());
        Assert.Throws<CacheCodec.UnsupportedValueException>(() => CacheCodec.WriteDocument(writer, document));
    }

    [Fact]
    public void A_rendered_body_with_every_property_set_comes_back_equal()
    {
        var rendered = Filled<RenderedMarkdown>();
        var back = RoundTrip(w => CacheCodec.WriteRendered(w, rendered), CacheCodec.ReadRendered);
        AssertDeepEqual(rendered, back, nameof(RenderedMarkdown));
    }

    [Fact]
    public void Link_lookups_and_diagnostics_come_back_equal()
    {
        ImmutableArray<LinkLookup> lookups = [Filled<LinkLookup>(), new LinkLookup('k', "/x/", null)];
        ImmutableArray<Diagnostic> diagnostics = [Filled<Diagnostic>()];
        var back = RoundTrip(w =>
        {
            CacheCodec.WriteLookups(w, lookups);
            CacheCodec.WriteDiagnostics(w, diagnostics);
        }, r => (CacheCodec.ReadLookups(r), CacheCodec.ReadDiagnostics(r)));
        Assert.Equal(lookups.AsEnumerable(), back.Item1.AsEnumerable());
        Assert.Equal(diagnostics.AsEnumerable(), back.Item2.AsEnumerable());
    }

    [Theory]
    [InlineData("Zürich", true)]
    [InlineData("Zurich", false)]
    [InlineData("Chip", true)]
    [InlineData("chip", false)]
    [InlineData("Chip supply", true)]
    [InlineData("Ω", false)]
    [InlineData("🚀", true)]
    public void A_body_record_read_for_its_link_check_gives_its_lookups_and_finds_a_word_as_its_decoded_text_would(string word, bool found)
    {
        var rendered = Filled<RenderedMarkdown>() with { PlainText = "Chip supply moved to Zürich 🚀 this week." };
        ImmutableArray<LinkLookup> lookups = [Filled<LinkLookup>(), new LinkLookup('k', "/x/", null)];
        ImmutableArray<Diagnostic> diagnostics = [Filled<Diagnostic>()];
        Action<BinaryWriter> write = w =>
        {
            CacheCodec.WriteRendered(w, rendered);
            CacheCodec.WriteLookups(w, lookups);
            CacheCodec.WriteDiagnostics(w, diagnostics);
        };

        var check = RoundTrip(write, r => CacheCodec.ReadLinkCheck((BufferReader)r, [Encoding.UTF8.GetBytes(word), Encoding.UTF8.GetBytes("absent")]));
        var whole = RoundTrip(write, r => (CacheCodec.ReadRendered(r), CacheCodec.ReadLookups(r), CacheCodec.ReadDiagnostics(r)));

        Assert.Equal(found, check.Mentions);
        Assert.Equal(whole.Item1.PlainText.Contains(word, StringComparison.Ordinal), check.Mentions);
        Assert.Equal(lookups.AsEnumerable(), check.Lookups.AsEnumerable());
        Assert.False(RoundTrip(write, r => CacheCodec.ReadLinkCheck((BufferReader)r, [])).Mentions);
    }

    [Fact]
    public void Search_tokens_come_back_equal()
    {
        var lexicon = new StaticBriefs.Search.Lexicon(["alpha", "béta", "alphas"]);
        var tokens = new StaticBriefs.Search.TokenizedText(lexicon, [0, 1], [3, 0x8000_0001], [2], [1, 2, 3, 4, 5], "An excerpt.");
        var back = RoundTrip(w => CacheCodec.WriteTokens(w, tokens), r => CacheCodec.ReadTokens(r, lexicon));
        AssertDeepEqual(tokens, back, nameof(StaticBriefs.Search.TokenizedText));
        Assert.Same(lexicon, back.Lexicon);
    }

    [Fact]
    public void Search_tokens_naming_a_number_outside_their_lexicon_read_as_damaged()
    {
        var written = new StaticBriefs.Search.TokenizedText(new(["alpha", "béta", "alphas"]), [0, 2], [3, 1], [1], [1, 2, 3, 4, 5], "An excerpt.");
        // Read against a lexicon that lost its last string: the entry must not be taken as good.
        Assert.Throws<InvalidDataException>(() =>
            RoundTrip(w => CacheCodec.WriteTokens(w, written), r => CacheCodec.ReadTokens(r, new(["alpha", "béta"]))));
    }

    private static T RoundTrip<T>(Action<BinaryWriter> write, Func<BinaryReader, T> read)
    {
        var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true)) write(writer);
        var bytes = stream.ToArray();
        using var reader = BufferReader.Over(bytes, 0, bytes.Length);
        var value = read(reader);
        Assert.Equal(bytes.Length, reader.BaseStream.Position);
        return value;
    }

    private static int _seed;

    /// <summary>A value of <typeparamref name="T"/> whose every settable public property holds a distinct non-default value.</summary>
    private static T Filled<T>() => (T)Fill(typeof(T), 0)!;

    private static object? Fill(Type type, int depth)
    {
        var n = Interlocked.Increment(ref _seed);
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null) return Fill(underlying, depth);
        if (type == typeof(string)) return "v" + n + " é<&>";
        // A body is its text (the other constructor reads it later, from a delegate filling could not make).
        if (type == typeof(BodyText)) return new BodyText("body " + n + " é<&>");
        if (type == typeof(int)) return n;
        if (type == typeof(bool)) return true;
        if (type == typeof(char)) return (char)('a' + n % 26);
        if (type == typeof(DateTimeOffset)) return new DateTimeOffset(2024, 1, 1 + n % 28, 5, 6, 7, TimeSpan.FromHours(2)).AddTicks(n);
        if (type.IsEnum) return Enum.GetValues(type).GetValue(Enum.GetValues(type).Length - 1);
        if (type == typeof(ImmutableDictionary<string, object?>))
            return ImmutableDictionary<string, object?>.Empty.WithComparers(StringComparer.Ordinal).Add("k" + n, "x").Add("flag", true);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
        {
            var element = type.GetGenericArguments()[0];
            var items = Array.CreateInstance(element, 2);
            items.SetValue(Fill(element, depth + 1), 0);
            items.SetValue(Fill(element, depth + 1), 1);
            return typeof(ImmutableArray).GetMethods()
                .Single(m => m.Name == nameof(ImmutableArray.Create) && m.GetParameters() is [{ ParameterType.IsArray: true }])
                .MakeGenericMethod(element).Invoke(null, [items]);
        }
        Assert.True(depth < 8, $"{type.Name}: too deep to fill");
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var value = constructor.GetParameters().Length == 0 && type.IsValueType
            ? Activator.CreateInstance(type)!
            : constructor.Invoke([.. constructor.GetParameters().Select(p => Fill(p.ParameterType, depth + 1))]);
        foreach (var property in Settable(type)) property.SetValue(value, Fill(property.PropertyType, depth + 1));
        return value;
    }

    private static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null && p.Name != "EqualityContract");

    private static void AssertDeepEqual(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: {expected} vs {actual}");
            return;
        }
        Assert.Equal(expected.GetType(), actual.GetType());
        switch (expected)
        {
            case string or int or uint or bool or char or DateTimeOffset or Enum or long:
                Assert.True(expected.Equals(actual), $"{path}: {expected} vs {actual}");
                if (expected is DateTimeOffset date) Assert.Equal(date.Offset, ((DateTimeOffset)actual).Offset);
                return;
            case BodyText body:
                Assert.True(body.Text == ((BodyText)actual).Text, $"{path}: {body.Text} vs {((BodyText)actual).Text}");
                return;
            case IDictionary map:
                var other = (IDictionary)actual;
                Assert.Equal(map.Keys.Cast<object>(), other.Keys.Cast<object>());
                foreach (var key in map.Keys) AssertDeepEqual(map[key], other[key], $"{path}[{key}]");
                return;
            case IEnumerable sequence:
                var left = sequence.Cast<object?>().ToList();
                var right = ((IEnumerable)actual).Cast<object?>().ToList();
                Assert.True(left.Count == right.Count, $"{path}: {left.Count} items vs {right.Count}");
                for (var i = 0; i < left.Count; i++) AssertDeepEqual(left[i], right[i], $"{path}[{i}]");
                return;
        }
        var properties = expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract").ToList();
        Assert.NotEmpty(properties);
        foreach (var property in properties) AssertDeepEqual(property.GetValue(expected), property.GetValue(actual), path + "." + property.Name);
    }
}
