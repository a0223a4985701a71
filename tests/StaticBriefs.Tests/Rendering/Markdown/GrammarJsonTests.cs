using System.Collections;
using System.Text;
using StaticBriefs.Rendering.Markdown.Highlighting;
using TextMateSharp.Grammars;
using TextMateSharp.Internal.Grammars.Parser;

namespace StaticBriefs.Tests.Rendering.Markdown;

/// <summary>Grammars read straight from their JSON into TextMateSharp's dictionaries, as the package's reader makes them.</summary>
public sealed class GrammarJsonTests
{
    [Fact]
    public void Every_grammar_of_the_package_reads_into_the_dictionaries_the_package_makes()
    {
        var package = new RegistryOptions(ThemeName.LightPlus);
        var resources = GrammarJson.Resources(package);

        Assert.True(resources.Count > 50, $"{resources.Count} grammars");
        foreach (var scope in resources.Keys)
        {
            var ours = GrammarJson.FromPackage(resources, scope);
            Assert.True(ours is not null, $"{scope}: {resources[scope]} is not embedded");
            var difference = Difference(package.GetGrammar(scope), ours, scope);
            Assert.True(difference is null, difference);
        }
    }

    [Theory]
    [InlineData("source.toml", "toml.tmLanguage.json")]
    [InlineData("source.shell", "shell.tmLanguage.json")]
    public void Our_own_grammars_read_into_the_dictionaries_the_package_reader_makes_of_them(string scope, string file)
    {
        var assembly = typeof(OwnGrammars).Assembly;
        using var stream = assembly.GetManifestResourceStream(typeof(OwnGrammars).Namespace + "." + file)!;
        var theirs = TextMateSharp.Internal.Grammars.Reader.GrammarReader.ReadGrammarSync(new StreamReader(stream));

        var difference = Difference(theirs, OwnGrammars.Read(scope), scope);

        Assert.True(difference is null, difference);
    }

    [Fact]
    public void Numbers_booleans_and_nulls_are_left_out_with_their_keys_as_the_package_leaves_them()
    {
        const string json = """{"scopeName":"x","n":1,"t":true,"z":null,"a":[1,"s",false,{"k":"v","m":2}],"o":{"k":2},}""";

        var ours = GrammarJson.Read(Encoding.UTF8.GetBytes(json))!;
        var theirs = TextMateSharp.Internal.Grammars.Reader.GrammarReader.ReadGrammarSync(new StreamReader(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Null(Difference(theirs, ours, "sample"));
        Assert.Equal(["scopeName", "a", "o"], ours.Keys);
        Assert.Equal(2, ((IList)ours["a"]).Count);
        Assert.Empty((Raw)ours["o"]);
    }

    [Fact]
    public void A_grammar_that_is_not_an_object_or_not_json_this_reader_takes_reads_as_none()
    {
        Assert.Null(GrammarJson.Read("[]"u8));
        Assert.Null(GrammarJson.Read(Encoding.UTF8.GetBytes("{\"a\":" + string.Concat(Enumerable.Repeat("[", 300)))));
        Assert.Null(GrammarJson.Read("{\"a\": \"unclosed"u8));
        Assert.Null(GrammarJson.FromPackage(new Dictionary<string, string>(), "source.nothing"));
    }

    /// <summary>Where two parsed grammars first differ (types, keys in order, values, list items), or null.</summary>
    private static string? Difference(object? expected, object? actual, string at)
    {
        switch (expected)
        {
            case null:
                return actual is null ? null : $"{at}: expected nothing, got {actual.GetType().Name}";
            case string text:
                return actual is string other && other == text ? null : $"{at}: expected \"{text}\", got {actual}";
            case Raw raw:
                if (actual is not Raw ours) return $"{at}: expected an object, got {actual?.GetType().Name}";
                if (!raw.Keys.SequenceEqual(ours.Keys)) return $"{at}: keys [{string.Join(",", raw.Keys)}] against [{string.Join(",", ours.Keys)}]";
                foreach (var key in raw.Keys)
                    if (Difference(raw[key], ours[key], at + "." + key) is { } inner) return inner;
                return null;
            case IList list:
                if (actual is not IList items || actual.GetType() != expected.GetType()) return $"{at}: expected {expected.GetType().Name}, got {actual?.GetType().Name}";
                if (list.Count != items.Count) return $"{at}: {list.Count} items against {items.Count}";
                for (var i = 0; i < list.Count; i++)
                    if (Difference(list[i], items[i], $"{at}[{i}]") is { } inner) return inner;
                return null;
            default:
                return $"{at}: unexpected {expected.GetType().Name}";
        }
    }
}
