using StaticBriefs.Diagnostics;
using StaticBriefs.Loading.FrontMatter;

namespace StaticBriefs.Loading.Conventions;

/// <summary>
/// A document's publication and update dates, from where each generator keeps them: front matter first (<c>date</c>,
/// Hugo's <c>publishDate</c>/<c>pubDate</c>/<c>published</c>), else the file name (<c>2024-05-14-slug.md</c>, Jekyll and
/// Eleventy), else the folders (<c>2019/11/07/slug.md</c>) or Zola's <c>path</c> key, else the update date (as Hugo
/// falls back to <c>lastmod</c>). Updates: <c>updated</c>, <c>lastmod</c>, <c>modified</c>, <c>last_modified_at</c>.
/// </summary>
internal static class DocumentDates
{
    /// <summary>Keys of the publication date, first found wins (Hugo's own order).</summary>
    public static readonly string[] PublishedKeys = ["date", "publishDate", "publishdate", "pubDate", "pubdate", "published"];

    /// <summary>Keys of the last update (StaticBriefs and Zola, Hugo, Hugo and Jekyll's plugins).</summary>
    public static readonly string[] UpdatedKeys = ["updated", "lastmod", "lastMod", "modified", "last_modified_at"];

    /// <summary>The dates; a key present with a value that is not a date is an error (never a silent fallback).</summary>
    public static (DateTimeOffset? Date, DateTimeOffset? Updated) Read(FrontMatterFields fields, string path, string? urlPath)
    {
        DateTimeOffset? date = null;
        var failed = false;
        foreach (var key in PublishedKeys)
        {
            if (fields.Find(key) is not { } entry) continue;
            // Jekyll's "published: false" is a draft flag, read with the other draft keys, not a date.
            if (key == "published" && entry.Value is FrontMatterScalar { Kind: ScalarKind.Boolean }) continue;
            fields.Take(key);
            date = Parse(fields, entry, key);
            failed = date is null;
            break;
        }
        var updated = default(DateTimeOffset?);
        foreach (var key in UpdatedKeys)
        {
            if (fields.Take(key) is not { } entry) continue;
            updated = Parse(fields, entry, key);
            break;
        }
        if (date is not null || failed) return (date, updated);
        date = SourcePathConventions.DateInName(path) ?? SourcePathConventions.DateInFolders(path);
        if (date is null && urlPath is not null) date = SourcePathConventions.DateInUrlPath(urlPath);
        return (date ?? updated, updated);
    }

    private static DateTimeOffset? Parse(FrontMatterFields fields, FrontMatterEntry entry, string key)
    {
        var text = fields.Text(entry, key);
        if (text is null)
        {
            if (entry.Value is FrontMatterScalar) fields.Fail(entry.Value, DiagnosticCodes.BadDate, $"'{key}' is empty; give a date such as {key}: 2024-05-14");
            return null;
        }
        if (DateParser.Read(text, out var note) is { } date)
        {
            if (note is not null) fields.Warn(entry.Value.Line, entry.Value.Column, DiagnosticCodes.OddDate, $"'{key}: {text}': {note}");
            return date;
        }
        fields.Fail(entry.Value, DiagnosticCodes.BadDate, $"'{key}: {text}' is not a date; {DateParser.Advice(text)}");
        return null;
    }
}
