using System.Text;
using StaticBriefs.Diagnostics;
using StaticBriefs.Loading.FrontMatter;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Loading.FrontMatter;

/// <summary>
/// The direct reader of one-line front matter gives what YamlDotNet's parser gives (values, kinds, lines, columns),
/// on every YAML front matter of the test sites and the sample site and on generated ones, and leaves to the parser
/// what it does not read.
/// </summary>
public sealed class SimpleYamlTests
{
    public static TheoryData<string> Forms => new()
    {
        "title: \"Anthropic hires\"\ndate: 2026-05-19\ndraft: false\n",
        "title: 'Single quoted: with colon'\ncount: 12\nratio: 1.5\nnothing: ~\nflag: yes\n",
        "companies: [\"OpenAI\", Anthropic, 'Google DeepMind']\npeople: []\ntopics: [ spaced ,  items ]\n",
        "tags:\n  - rust\n  - \"release notes\"\n  - 1.27.0\nauthors:\n- The Rust Team\n- 'Core'\n",
        "# a comment first\n\ntitle: Plain text with 'quotes' and \"doubles\" inside   \n\n# between\nlayout: post\n",
        "title: \"東京 and Zoë 🚀\"\nsummary: \"# not a comment\"\nslug: a-b_c\n_private: x\nkey-with-dash: v\n",
        "date: 2026-05-19T10:00:00Z\nupdated: 2026-05-19 10:00\nnumber: -5\nhex: 0x1F\nurl: https://example.org/a#b\n",
        "cSpell:ignore: Kanzhelev Novotny\nog.image/alt: C# and F#\n",
        "eleventyNavigation:\n  parent: Blog\n  key: \"New mascot\"\n  order: 3\ntitle: After\n",
        "extra:\n    deep:\n      deeper: [a, b]\n      list:\n      - x\n      - 'y'\n    back: z\nlast: w\n",
        "  # an indented comment\ntags:\n- a\n- b\n  # after\nnext: c\n",
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void Reads_the_one_line_forms_as_the_parser_does(string yaml)
    {
        var simple = SimpleYaml.TryRead(yaml, 2);

        Assert.NotNull(simple);
        Assert.Equal(Parsed(yaml), Describe(simple));
    }

    [Theory]
    [InlineData("title: \"escaped \\\" quote\"\n")]
    [InlineData("title: 'it''s'\n")]
    [InlineData("title: a: b\n")]
    [InlineData("title: text # comment\n")]
    [InlineData("title:\n")]
    [InlineData("title: x\ntitle: y\n")]
    [InlineData("title: >\n  folded\n")]
    [InlineData("title: first\n  continued\n")]
    [InlineData("extra:\n  nested: map\n    deeper: x\n")]
    [InlineData("extra:\n  - a\n  key: b\n")]
    [InlineData("menu: { main: { weight: 50 } }\n")]
    [InlineData("author: >-\n  folded text\n")]
    [InlineData("a:\n b:\n  c:\n   d:\n    e: 1\n")]
    [InlineData("list: [a, b,]\n")]
    [InlineData("list: [a, [b]]\n")]
    [InlineData("list: [a,\n  b]\n")]
    [InlineData("base: &a x\nother: *a\n")]
    [InlineData("<<: {a: 1}\n")]
    [InlineData("title:\tx\n")]
    [InlineData("title: x\r\n")]
    [InlineData("\"quoted key\": x\n")]
    [InlineData("tags:\n  - a\n\n  - b\n")]
    [InlineData("tags:\n- a\n  # inside\n- b\n")]
    [InlineData("tags:\n  - a\n   - b\n")]
    [InlineData("# only a comment\n")]
    [InlineData("")]
    public void Leaves_everything_else_to_the_parser(string yaml) => Assert.Null(SimpleYaml.TryRead(yaml, 2));

    [Fact]
    public void A_mapping_of_thousands_of_keys_is_left_to_the_parser()
    {
        var yaml = string.Concat(Enumerable.Range(0, 5_000).Select(i => $"key{i}: value\n"));

        Assert.Null(SimpleYaml.TryRead(yaml, 2));
        Assert.Equal(5_000, YamlFrontMatterReader.Read(yaml, "a.md", 2, new DiagnosticBag())!.Entries.Length);
    }

    [Fact]
    public void Every_front_matter_of_the_test_and_sample_sites_it_reads_is_read_as_the_parser_reads_it()
    {
        var read = 0;
        var all = 0;
        foreach (var yaml in FrontMatters())
        {
            all++;
            if (SimpleYaml.TryRead(yaml, 2) is not { } simple) continue;
            read++;
            Assert.Equal(Parsed(yaml), Describe(simple));
        }
        // The shortcut must be the common way, or it saves nothing: most real posts' front matter is one-line values.
        Assert.True(all > 200, $"{all} front matters");
        Assert.True(read > all * 2 / 3, $"{read} of {all} read directly");
    }

    [Fact]
    public void Generated_front_matter_is_read_as_the_parser_reads_it()
    {
        var random = new Random(5);
        string[] words = ["OpenAI", "a b", "2026-05-19", "12", "-3", "1.5e3", "true", "no", "null", "~", "Zoë", "x'y", "p\"q", "東京", "a,b", "[x]", "{y}", "#z", "a #b", "c: d", "e:f", "-g", "*h", "&i", "!j", "|k", ">l", "%m", "@n", "`o", "?p", " q", "r "];
        var checkedCount = 0;
        for (var n = 0; n < 3_000; n++)
        {
            var yaml = new StringBuilder();
            var keys = random.Next(1, 5);
            for (var k = 0; k < keys; k++)
            {
                yaml.Append("key").Append(k).Append(':');
                switch (random.Next(4))
                {
                    case 0: yaml.Append(' ').Append(Scalar(random, words)); break;
                    case 1: yaml.Append(" [").AppendJoin(", ", Enumerable.Range(0, random.Next(0, 4)).Select(_ => Scalar(random, words))).Append(']'); break;
                    default:
                        var indent = new string(' ', random.Next(0, 3));
                        foreach (var _ in Enumerable.Range(0, random.Next(1, 4))) yaml.Append('\n').Append(indent).Append("- ").Append(Scalar(random, words));
                        break;
                }
                yaml.Append('\n');
            }
            var text = yaml.ToString();
            if (SimpleYaml.TryRead(text, 2) is not { } simple) continue;
            checkedCount++;
            Assert.True(Parsed(text) == Describe(simple), text);
        }
        Assert.True(checkedCount > 300, $"{checkedCount} read directly");
    }

    private static string Scalar(Random random, string[] words)
    {
        var word = words[random.Next(words.Length)];
        return random.Next(3) switch
        {
            0 => word,
            1 => "\"" + word + "\"",
            _ => "'" + word + "'",
        };
    }

    private static string Parsed(string yaml)
    {
        var bag = new DiagnosticBag();
        var map = YamlFrontMatterReader.ReadParsed(yaml, "a.md", 2, bag);
        return map is null ? "unreadable: " + string.Join("; ", bag.Sorted().Select(d => d.Message)) : Describe(map);
    }

    private static string Describe(FrontMatterValue value) => value switch
    {
        FrontMatterScalar s => $"{s.Kind}({s.Text})@{s.Line}:{s.Column}",
        FrontMatterList l => $"[{string.Join(", ", l.Items.Select(Describe))}]@{l.Line}:{l.Column}",
        FrontMatterMap m => $"{{{string.Join("; ", m.Entries.Select(e => $"{e.Key}@{e.Line}:{e.Column}={Describe(e.Value)}"))}}}@{m.Line}:{m.Column}",
        _ => value.GetType().Name,
    };

    private static IEnumerable<string> FrontMatters()
    {
        var roots = new[] { Path.Combine(RepoPaths.Root, "tests", "RealContent"), Path.Combine(RepoPaths.Root, "input"), Path.Combine(RepoPaths.Root, "tests", "StaticBriefs.Tests", "Fixtures") };
        foreach (var root in roots)
        {
            foreach (var file in Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories))
            {
                var text = File.ReadAllText(file).ReplaceLineEndings("\n");
                if (!text.StartsWith("---\n", StringComparison.Ordinal)) continue;
                var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
                if (end < 0) continue;
                yield return text[4..(end + 1)];
            }
        }
    }
}
