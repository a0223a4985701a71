using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace StaticBriefs.Tests.Shared;

/// <summary>
/// Copies one of the real blogs in <c>tests/RealContent/</c> into a folder StaticBriefs builds today: TOML front
/// matter (Zola) to YAML with the date from its <c>path</c>, dates from Jekyll file names, <c>_posts/</c> read as
/// posts, a unique slug per file from its path, <c>description</c> as the summary, and every link that is not
/// absolute made absolute (links into the rest of the blog's larger site are not what search is measured on).
/// It is the one place that knows these differences: when the loader reads the blogs as they are, delete it.
/// Compiled into the relevance harness and the unit tests by file.
/// </summary>
internal static partial class RealBlogAdapter
{
    /// <summary>Where each source post (path relative to the blog's <c>posts/</c>, '/' separated) was published.</summary>
    public sealed record Adapted(string InputDirectory, IReadOnlyDictionary<string, string> UrlBySource);

    /// <summary>Writes <paramref name="blogDirectory"/>'s posts, adapted, into <paramref name="inputDirectory"/>.</summary>
    public static Adapted Adapt(string blogDirectory, string inputDirectory)
    {
        var posts = Path.Combine(blogDirectory, "posts");
        if (!Directory.Exists(posts)) throw new DirectoryNotFoundException(posts);
        Directory.CreateDirectory(inputDirectory);
        var urls = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(posts, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(posts, file).Replace('\\', '/');
            var target = Path.Combine(inputDirectory, TargetPath(relative));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var isMarkdown = relative.EndsWith(".md", StringComparison.Ordinal) || relative.EndsWith(".markdown", StringComparison.Ordinal);
            if (!isMarkdown)
            {
                File.Copy(file, target, overwrite: true);
                continue;
            }
            if (Path.GetFileName(relative).StartsWith('_')) continue; // section files (_index.md) are not posts
            var post = Convert(relative, File.ReadAllText(file), slugs);
            if (post is null) continue; // template-only pages with no title
            File.WriteAllText(Path.ChangeExtension(target, ".md"), post.Value.Text);
            urls[relative] = "/briefs/" + post.Value.Slug + "/";
        }
        return new Adapted(inputDirectory, urls);
    }

    // Jekyll's _posts would be skipped (a leading underscore); everything else keeps its place, so bundles keep their images.
    private static string TargetPath(string relative) =>
        relative.StartsWith("_posts/", StringComparison.Ordinal) ? "posts/" + relative["_posts/".Length..] : relative;

    private static (string Text, string Slug)? Convert(string relative, string text, HashSet<string> slugs)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        string? title, date = null, summary = null, frontMatter = null;
        string body;
        if (text.StartsWith("+++\n", StringComparison.Ordinal))
        {
            var end = text.IndexOf("\n+++", 3, StringComparison.Ordinal);
            var toml = text[4..end];
            body = text[(text.IndexOf('\n', end + 1) + 1)..];
            title = TomlString(toml, "title");
            summary = TomlString(toml, "description");
            var path = TomlString(toml, "path");
            var match = path is null ? null : ZolaPathDate().Match(path);
            if (match is { Success: true }) date = $"{match.Groups[1].Value}-{match.Groups[2].Value}-{match.Groups[3].Value}";
        }
        else if (text.StartsWith("---\n", StringComparison.Ordinal))
        {
            var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
            frontMatter = DropKeys(text[4..end]);
            body = text[(text.IndexOf('\n', end + 1) + 1)..];
            title = YamlKeyPattern("title").IsMatch(frontMatter) ? "" : null;
            if (!YamlKeyPattern("date").IsMatch(frontMatter))
            {
                var name = FileNameDate().Match(Path.GetFileName(relative));
                if (name.Success) date = name.Groups[1].Value;
            }
            if (!YamlKeyPattern("summary").IsMatch(frontMatter))
            {
                frontMatter = DescriptionKey().Replace(frontMatter, "summary:");
            }
        }
        else
        {
            return null;
        }
        if (title is null) return null;

        var slug = UniqueSlug(relative, slugs);
        var yaml = new StringBuilder("---\n");
        yaml.Append("slug: ").Append(slug).Append('\n');
        if (date is not null) yaml.Append("date: ").Append(date).Append('\n');
        if (frontMatter is null)
        {
            yaml.Append("title: ").Append(Quote(title)).Append('\n');
            if (summary is not null) yaml.Append("summary: ").Append(Quote(summary)).Append('\n');
        }
        else
        {
            yaml.Append(frontMatter.TrimEnd('\n')).Append('\n');
        }
        yaml.Append("---\n");
        return (yaml + AbsoluteLinks(body), slug);
    }

    private static string UniqueSlug(string relative, HashSet<string> slugs)
    {
        var path = relative.StartsWith("_posts/", StringComparison.Ordinal) ? relative["_posts/".Length..] : relative;
        path = path.EndsWith("/index.md", StringComparison.Ordinal) ? path[..^"/index.md".Length] : path[..path.LastIndexOf('.')];
        var slug = StaticBriefs.Text.Slugger.Slugify(path);
        var unique = slug;
        for (var n = 2; !slugs.Add(unique); n++) unique = slug + "-" + n.ToString(CultureInfo.InvariantCulture);
        return unique;
    }

    /// <summary>Top-level YAML keys StaticBriefs refuses or that repeat (Jekyll keeps the last): layouts, redirects, slugs.</summary>
    private static string DropKeys(string yaml)
    {
        var output = new StringBuilder();
        var dropping = false;
        foreach (var line in yaml.Split('\n'))
        {
            var topLevel = line.Length > 0 && !char.IsWhiteSpace(line[0]) && line[0] != '-' && line[0] != '#';
            // A line that is not a new top-level key (an indented value, a list item) belongs to the key above it.
            if (topLevel) dropping = DroppedKey().IsMatch(line);
            if (!dropping) output.Append(line).Append('\n');
        }
        return output.ToString();
    }

    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal) + "\"";

    /// <summary>A top-level string key of TOML front matter: basic, literal and multi-line strings (what the blogs use).</summary>
    private static string? TomlString(string toml, string key)
    {
        var tableStart = TomlTable().Match(toml);
        var head = tableStart.Success ? toml[..tableStart.Index] : toml;
        var match = Regex.Match(head, "^" + key + @"\s*=\s*", RegexOptions.Multiline);
        if (!match.Success) return null;
        var rest = head[(match.Index + match.Length)..];
        foreach (var quote in (string[])["'''", "\"\"\""])
        {
            if (!rest.StartsWith(quote, StringComparison.Ordinal)) continue;
            var close = rest.IndexOf(quote, 3, StringComparison.Ordinal);
            var value = rest[3..close].TrimStart('\n');
            return quote == "'''" ? value : Unescape(value);
        }
        if (rest.StartsWith('\''))
        {
            return rest[1..rest.IndexOf('\'', 1)];
        }
        if (!rest.StartsWith('"')) return null;
        var builder = new StringBuilder();
        for (var i = 1; i < rest.Length && rest[i] != '"'; i++)
        {
            if (rest[i] == '\\' && i + 1 < rest.Length) builder.Append(rest[i]).Append(rest[++i]);
            else builder.Append(rest[i]);
        }
        return Unescape(builder.ToString());
    }

    private static string Unescape(string value) => Regex.Unescape(value);

    private static string AbsoluteLinks(string body) =>
        RelativeLinkTarget().Replace(body, m => m.Groups[1].Value + "https://example.invalid/" + m.Groups[2].Value.TrimStart('.', '/', '@'));

    private static Regex YamlKeyPattern(string key) => new("^" + key + @"\s*:", RegexOptions.Multiline);

    [GeneratedRegex(@"(\d{4})/(\d{2})/(\d{2})/")]
    private static partial Regex ZolaPathDate();

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})-")]
    private static partial Regex FileNameDate();

    [GeneratedRegex(@"^description\s*:", RegexOptions.Multiline)]
    private static partial Regex DescriptionKey();

    [GeneratedRegex(@"^(layout|redirect_from|redirect_to|aliases|permalink|slug)\s*:")]
    private static partial Regex DroppedKey();

    [GeneratedRegex(@"^\[", RegexOptions.Multiline)]
    private static partial Regex TomlTable();

    // "](target" and "]: target" where the target has no scheme and is not an in-page anchor.
    [GeneratedRegex(@"(\]\(<?|^\s{0,3}\[[^\]\n]+\]:\s*<?)(?![a-zA-Z][a-zA-Z0-9+.-]*:|#|//)([^)\s>]+)", RegexOptions.Multiline)]
    private static partial Regex RelativeLinkTarget();
}
