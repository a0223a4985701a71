using System.Text.Json;
using StaticBriefs.Search;
using StaticBriefs.Text;

namespace StaticBriefs.Tests.Search;

public sealed class SearchNormalizerTests
{
    public static TheoryData<string, string[]> TokenVectors()
    {
        var data = new TheoryData<string, string[]>();
        foreach (var v in Vectors().RootElement.GetProperty("tokens").EnumerateArray())
        {
            data.Add(v.GetProperty("input").GetString()!, [.. v.GetProperty("expected").EnumerateArray().Select(e => e.GetString()!)]);
        }
        return data;
    }

    public static TheoryData<string, string> NormalizeVectors()
    {
        var data = new TheoryData<string, string>();
        foreach (var v in Vectors().RootElement.GetProperty("normalize").EnumerateArray())
        {
            data.Add(v.GetProperty("input").GetString()!, v.GetProperty("expected").GetString()!);
        }
        return data;
    }

    public static TheoryData<string, string> FacetKeyVectors()
    {
        var data = new TheoryData<string, string>();
        foreach (var v in Vectors().RootElement.GetProperty("facetKey").EnumerateArray())
        {
            data.Add(v.GetProperty("input").GetString()!, v.GetProperty("expected").GetString()!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FacetKeyVectors))]
    public void Facet_keys_match_the_shared_vectors(string input, string expected) =>
        Assert.Equal(expected, SearchNormalizer.FacetKey(input));

    [Theory]
    [MemberData(nameof(TokenVectors))]
    public void Tokens_match_the_shared_vectors(string input, string[] expected) =>
        Assert.Equal(expected, SearchNormalizer.Tokens(input));

    [Theory]
    [MemberData(nameof(NormalizeVectors))]
    public void Normalize_matches_the_shared_vectors(string input, string expected) =>
        Assert.Equal(expected, SearchNormalizer.Normalize(input));

    [Fact]
    public void The_javascript_normaliser_gives_the_same_tokens_for_every_vector()
    {
        using var folder = SearchTestSupport.TempDirectory();
        var script = $$"""
            const s = require({{JsonSerializer.Serialize(SearchTestSupport.SearchJs)}});
            const v = JSON.parse(require('fs').readFileSync({{JsonSerializer.Serialize(SearchTestSupport.VectorsPath)}}, 'utf8'));
            console.log(JSON.stringify({
              tokens: v.tokens.map(c => s.tokens(c.input)),
              normalize: v.normalize.map(c => s.normalize(c.input)),
              facetKey: v.facetKey.map(c => s.facetKey(c.input)) }));
            """;
        using var output = JsonDocument.Parse(SearchTestSupport.RunNode(script, folder.Path));
        using var vectors = Vectors();
        var expectedTokens = vectors.RootElement.GetProperty("tokens").EnumerateArray().ToList();
        var actualTokens = output.RootElement.GetProperty("tokens").EnumerateArray().ToList();
        Assert.Equal(expectedTokens.Count, actualTokens.Count);
        for (var i = 0; i < expectedTokens.Count; i++)
        {
            var input = expectedTokens[i].GetProperty("input").GetString();
            var expected = expectedTokens[i].GetProperty("expected").EnumerateArray().Select(e => e.GetString()).ToList();
            var actual = actualTokens[i].EnumerateArray().Select(e => e.GetString()).ToList();
            Assert.True(expected.SequenceEqual(actual), $"JS tokens of '{input}': [{string.Join(", ", actual)}], expected [{string.Join(", ", expected)}]");
        }
        var expectedNormalized = vectors.RootElement.GetProperty("normalize").EnumerateArray().Select(e => e.GetProperty("expected").GetString());
        Assert.Equal(expectedNormalized, output.RootElement.GetProperty("normalize").EnumerateArray().Select(e => e.GetString()));
        var expectedKeys = vectors.RootElement.GetProperty("facetKey").EnumerateArray().Select(e => e.GetProperty("expected").GetString());
        Assert.Equal(expectedKeys, output.RootElement.GetProperty("facetKey").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void The_javascript_file_carries_the_same_folding_table() =>
        Assert.Contains("var FOLD_TABLE = '" + CharacterFolding.Table + "';", File.ReadAllText(SearchTestSupport.SearchJs), StringComparison.Ordinal);

    [Fact]
    public void Words_longer_than_the_limit_are_dropped_not_truncated()
    {
        var longWord = new string('x', SearchNormalizer.MaxTokenLength + 1);
        Assert.Equal(["short"], SearchNormalizer.Tokens(longWord + " short"));
        Assert.Equal(string.Empty, SearchNormalizer.Normalize(longWord));
    }

    private static JsonDocument Vectors() => JsonDocument.Parse(File.ReadAllText(SearchTestSupport.VectorsPath));
}
