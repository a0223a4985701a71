using System.Text;
using StaticBriefs.Diagnostics;
using StaticBriefs.Model;
using StaticBriefs.Output;
using StaticBriefs.Rendering.Theme;

namespace StaticBriefs.Rendering.Feeds;

/// <summary>
/// Writes <c>_headers</c>, the cache rules Netlify and Cloudflare Pages read: fingerprinted CSS and JS and the
/// versioned search folder are <c>immutable</c> for a year; other assets (a <c>logo.svg</c> keeps its name) and the
/// search index's <c>meta.json</c> are revalidated on every use, as both hosts already do for HTML and anything
/// no rule names. A site's own <c>input/_headers</c> is merged in, its lines winning where both set one header for
/// one path. Rules never overlap: both hosts join the values of overlapping rules, which would contradict.
/// </summary>
public static class HostHeaders
{
    /// <summary>The file's name at the root of the site, and of the author's file in <c>input/</c>.</summary>
    public const string FileName = "_headers";

    internal const string Immutable = "public, max-age=31536000, immutable";
    internal const string Revalidate = "public, max-age=0, must-revalidate";

    /// <summary>A path pattern and its headers, in file order.</summary>
    internal sealed record Rule(string Path, List<KeyValuePair<string, string>> Headers);

    /// <summary>
    /// Writes <c>_headers</c> merged with the author's <c>input/_headers</c>, if the site has one: the model lists it
    /// among the host files, found by the same safe walk as every input file, so it is read like any of them.
    /// </summary>
    public static void Write(IOutputSink sink, PublishedAssets assets, string searchRoot, SiteModel site, DiagnosticBag diagnostics)
    {
        var author = site.StaticSources.TryGetValue(FileName, out var readPath)
            ? Loading.SourceText.Read(readPath, FileName, diagnostics)
            : null;
        sink.WriteText(FileName, Merge(Generate(assets, searchRoot), author));
    }

    /// <summary>The generated rules; <paramref name="searchRoot"/> is the index's version folder (e.g. <c>3f2a1b9c0d4e/</c>) or empty.</summary>
    internal static List<Rule> Generate(PublishedAssets assets, string searchRoot)
    {
        var rules = new List<Rule>();
        foreach (var file in assets.Styles.Concat(assets.Scripts).Order(StringComparer.Ordinal)) rules.Add(CacheRule(file, Immutable));
        foreach (var file in assets.Others.Order(StringComparer.Ordinal)) rules.Add(CacheRule(file, Revalidate));
        rules.Add(CacheRule("/search/meta.json", Revalidate));
        if (searchRoot.Length > 0) rules.Add(CacheRule("/search/" + searchRoot + "*", Immutable));
        return rules;
    }

    /// <summary>The file's text: the generated rules with the author's merged in (the author's header wins), then the author's other rules.</summary>
    internal static string Merge(List<Rule> generated, string? author)
    {
        var rules = generated.Select(r => r with { Headers = [.. r.Headers] }).ToList();
        foreach (var rule in author is null ? [] : Parse(author))
        {
            var same = rules.Find(r => r.Path == rule.Path);
            if (same is null)
            {
                rules.Add(rule);
                continue;
            }
            var names = rule.Headers.Select(h => h.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
            same.Headers.RemoveAll(h => names.Contains(h.Key));
            same.Headers.AddRange(rule.Headers);
        }
        var text = new StringBuilder();
        text.Append("# Written by StaticBriefs: cache rules for Netlify and Cloudflare Pages (README \"Caching\").\n");
        if (author is not null) text.Append("# Merged with input/_headers: its lines win where both name one header for one path.\n");
        foreach (var rule in rules)
        {
            text.Append(rule.Path).Append('\n');
            foreach (var (name, value) in rule.Headers) text.Append("  ").Append(name).Append(": ").Append(value).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>
    /// Reads a <c>_headers</c> file: a line at the margin is a path, an indented <c>Name: value</c> line a header of
    /// the path above; <c>#</c> starts a comment. Lines of another shape are kept as written (a header named so).
    /// </summary>
    internal static List<Rule> Parse(string text)
    {
        var rules = new List<Rule>();
        Rule? current = null;
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed.StartsWith('#')) continue;
            if (line.Length == trimmed.Length)
            {
                current = rules.Find(r => r.Path == trimmed);
                if (current is null)
                {
                    current = new Rule(trimmed, []);
                    rules.Add(current);
                }
                continue;
            }
            if (current is null) continue; // a header before any path applies to nothing
            var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
            current.Headers.Add(colon < 0
                ? KeyValuePair.Create(trimmed, "")
                : KeyValuePair.Create(trimmed[..colon].Trim(), trimmed[(colon + 1)..].Trim()));
        }
        return rules;
    }

    private static Rule CacheRule(string path, string value) => new(path, [KeyValuePair.Create("Cache-Control", value)]);
}
