using System.Globalization;
using System.Text;

namespace StaticBriefs.Rendering.Views;

/// <summary>A source as a reader sees it: the site's name and a title, linking to the address.</summary>
/// <param name="Url">The address (raw; already checked by the link policy).</param>
/// <param name="Site">The host without <c>www.</c>, e.g. "anthropic.com" (empty for a relative link).</param>
/// <param name="Title">A title made from the address's last path segment, or empty when it has none.</param>
public sealed record SourceView(string Url, string Site, string Title)
{
    /// <summary>
    /// "https://www.ndtvprofit.com/business/amazon-invests-4-billion-in-anthropic" -> site "ndtvprofit.com", title
    /// "Amazon invests 4 billion in anthropic". Trailing numeric ids and file extensions are dropped.
    /// </summary>
    public static SourceView From(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return new SourceView(url, "", url);
        var host = uri.IdnHost.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.IdnHost[4..] : uri.IdnHost;
        if (CodeHostTitle(host, uri) is { } repository) return new SourceView(url, host, repository);
        var segment = uri.AbsolutePath.TrimEnd('/');
        segment = segment[(segment.LastIndexOf('/') + 1)..];
        segment = Uri.UnescapeDataString(segment);
        var dot = segment.LastIndexOf('.');
        if (dot > 0 && segment.Length - dot <= 5) segment = segment[..dot];
        var words = segment.Split(['-', '_', '+', ' '], StringSplitOptions.RemoveEmptyEntries).ToList();
        // "...-safety-172443626": an id, not a word.
        while (words.Count > 1 && words[^1].Length >= 5 && words[^1].All(char.IsAsciiDigit)) words.RemoveAt(words.Count - 1);
        if (words.Count == 0 || (words.Count == 1 && words[0].Length <= 2)) return new SourceView(url, host, "");
        var title = new StringBuilder(string.Join(' ', words));
        title[0] = char.ToUpper(title[0], CultureInfo.InvariantCulture);
        return new SourceView(url, host, title.ToString());
    }

    private static readonly string[] CodeHosts = ["github.com", "gitlab.com", "codeberg.org", "huggingface.co"];

    /// <summary>
    /// On a code host the repository is the name readers know: "ollama/ollama: docs/api.md", not "Api" (a file's
    /// last segment, title-cased, loses both the project and the acronym).
    /// </summary>
    private static string? CodeHostTitle(string host, Uri uri)
    {
        if (!CodeHosts.Contains(host, StringComparer.OrdinalIgnoreCase)) return null;
        var parts = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        if (parts.Length < 2) return null;
        var repository = parts[0] + "/" + parts[1];
        // owner/repo/blob/<ref>/path (GitHub, Codeberg: src/branch/<ref>; GitLab: -/blob/<ref>; Hugging Face: blob/<ref>).
        var rest = parts.AsSpan(2);
        if (rest.Length > 0 && rest[0] == "-") rest = rest[1..];
        if (rest.Length > 0 && rest[0] == "src" && rest.Length > 1 && rest[1] is "branch" or "commit" or "tag") rest = rest[1..];
        return rest.Length > 2 && rest[0] is "blob" or "tree" or "branch" or "commit" or "tag"
            ? repository + ": " + string.Join('/', rest[2..].ToArray())
            : repository;
    }
}
