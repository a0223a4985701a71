using System.Text.RegularExpressions;

namespace StaticBriefs.Loading.Conventions;

/// <summary>
/// Pages that list posts with the old generator's template code (Eleventy's <c>blog.md</c> with
/// <c>{% for post in collections.blog %}</c>, Jekyll's <c>{% for post in site.posts %}</c> or
/// <c>paginator.posts</c>): their content is made by a loop StaticBriefs does not run, and StaticBriefs makes its own
/// listings, so such a page without a date of its own is not published (and is named once for the site).
/// </summary>
public static partial class ListingPages
{
    /// <summary>The loop as written (for the message), or null when the body has none.</summary>
    public static string? LoopIn(string body) => LoopIn(body.AsSpan());

    /// <summary>As <see cref="LoopIn(string)"/>, read in place (a body is not copied to be looked at).</summary>
    public static string? LoopIn(ReadOnlySpan<char> body)
    {
        foreach (var match in PostLoop().EnumerateMatches(body)) return body.Slice(match.Index, match.Length).Trim().ToString();
        return null;
    }

    [GeneratedRegex(@"\{%-?\s*for\s+\w+\s+in\s+(?:collections\.[\w\[\]""'.]+|site\.posts|paginator\.posts|pagination\.items|site\.categories|site\.tags)\b[^%\n]{0,80}%\}",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PostLoop();
}
